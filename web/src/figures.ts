// The figures ledger: counts the reports give for a period (GET /api/figures), each with its
// source and the sentence it came from.
import { getJson, type Figure } from "./api.ts";
import { h, replaceChildren } from "./dom.ts";
import type { Filters } from "./state.ts";
import { countryName } from "./vocabulary.ts";

export async function showFigures(container: HTMLElement, filters: Filters, openDocument: (id: string) => void): Promise<void> {
  const params = new URLSearchParams({ limit: "500" });
  for (const key of ["group", "country", "since", "until"] as const) {
    const value = filters[key];
    if (value !== undefined) params.set(key, value);
  }
  const { figures } = await getJson<{ figures: readonly Figure[] }>("figures", params);
  replaceChildren(
    container,
    figures.length === 0
      ? h("p", { class: "empty" }, "No reported figures match the filter.")
      : h(
          "table",
          { class: "figures" },
          h(
            "thead",
            {},
            h("tr", {}, ...["period", "measure", "value", "group", "country", "source", "evidence"].map((name) => h("th", {}, name))),
          ),
          h(
            "tbody",
            {},
            ...figures.map((figure) => {
              const read = h("button", { type: "button", class: "link" }, figure.evidence[0]?.text ?? "(read the report)");
              read.addEventListener("click", () => openDocument(figure.document_id));
              return h(
                "tr",
                { "data-figure-id": figure.id, class: figure.derived ? "derived" : "" },
                h(
                  "td",
                  {},
                  figure.period_start === figure.period_end
                    ? figure.period_start
                    : `${figure.period_start ?? "?"} – ${figure.period_end ?? "?"}`,
                ),
                h("td", {}, figure.measure, figure.unit === null ? "" : ` (${figure.unit})`),
                h(
                  "td",
                  { class: "number" },
                  `${figure.qualifier === "exact" ? "" : figure.qualifier + " "}${figure.value}`,
                  figure.derived ? h("small", {}, " derived") : null,
                ),
                h("td", {}, figure.group ?? ""),
                h("td", {}, figure.country === null ? "" : countryName(figure.country)),
                h("td", {}, figure.source ?? ""),
                h("td", { class: "evidence-cell" }, read),
              );
            }),
          ),
        ),
  );
}
