// The report's own date and period, read from its sentences with no reference date.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildContext } from "./context.ts";

function contextOf(text: string, publishedDate: string | null = null): ReturnType<typeof buildContext> {
  return buildContext({ documentId: "d", text, publishedDate, title: null });
}

describe("buildContext: dates told across a line break", () => {
  it("reads a report period wrapped over two lines of a cover page", () => {
    const context = contextOf(
      "ISIS ACTIVITY IN IRAQ\nQuarterly report covering January 1 to\nMarch 31, 2024\n\n" +
        "This quarter, ISIS carried out 40 attacks in Iraq, up from 30 in the previous quarter.",
      "2024-05-10",
    );
    assert.deepEqual(context.reportPeriod, { periodStart: "2024-01-01", periodEnd: "2024-03-31" });
  });

  it("dates an undated report by a day whose year is on the next line", () => {
    const context = contextOf("Published 12 March\n2024\n\nGunmen killed four soldiers in Kirkuk on 10 March, police said.");
    assert.equal(context.referenceDate, "2024-03-12");
    assert.equal(context.referenceDateSource, "inferred");
  });

  it("keeps sentences that end in a full stop apart", () => {
    const context = contextOf("Rebels attacked Kirkuk in May. 2019 was the worst year since the war, officials said.");
    assert.equal(context.referenceDate, "2019-12-31");
  });
});
