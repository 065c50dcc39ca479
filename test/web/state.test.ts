// The dashboard's view in the URL (web/src/state.ts): what a reload or a shared link restores.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { EMPTY_STATE, filterParams, formatState, parseState } from "../../web/src/state.ts";

describe("dashboard state in the URL", () => {
  it("round-trips filters, view, event, document, interval and viewport", () => {
    const state = {
      view: "review" as const,
      filters: { group: "ISIS", country: "IQ", since: "2024-01", until: "2025-06-30", text: "checkpoint", review: "all" },
      interval: "week" as const,
      event: "ev_123",
      document: "doc_9",
      zoom: 7,
      center: [35.25, 43.5] as const,
    };
    assert.deepEqual(parseState(formatState(state)), state);
  });

  it("leaves defaults out of the URL", () => {
    assert.equal(formatState(EMPTY_STATE), "");
    assert.deepEqual(parseState(""), EMPTY_STATE);
  });

  it("drops values the API would refuse instead of sending them", () => {
    const state = parseState("?country=Iraq&since=last+week&until=2024-13-99x&view=admin&z=99&c=500,1");
    assert.deepEqual(state.filters, {});
    assert.equal(state.view, "map");
    assert.equal(state.zoom, null);
    assert.equal(state.center, null);
  });

  it("upper-cases a country code and keeps only filter keys in API parameters", () => {
    const state = parseState("?country=sy&event=ev_1&z=5&c=35,40");
    assert.equal(state.filters.country, "SY");
    assert.equal(filterParams(state.filters, { zoom: 5 }).toString(), "country=SY&zoom=5");
  });
});
