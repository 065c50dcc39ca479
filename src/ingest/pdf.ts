// PDF to text with unpdf (pdf.js 5.6 built for servers). unpdf turns off pdf.js's eval path
// (`isEvalSupported: false`, the mitigation for CVE-2024-4367, reliability.md §5.7); it is passed
// again here so that no change of defaults can turn it back on.
//
// Not done yet: pdf.js runs in this process without a time or memory cap. reliability.md §5.7
// proposes a worker thread with `resourceLimits` and a wall-clock timer for hostile PDFs.
import { extractText, getDocumentProxy, getMeta } from "unpdf";
import type { SitrepError } from "../domain/errors.ts";
import { inputError } from "./errors.ts";
import type { DocumentParts } from "./parts.ts";

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

export type PdfResult = { readonly ok: true; readonly parts: DocumentParts } | { readonly ok: false; readonly error: SitrepError };

// Latin ligatures (U+FB00–FB06) that PDF fonts emit for "fi", "fl", "ffi"...: NFKC spells them out,
// so "ﬁghters" matches "fighters". Only these are decomposed; the rest of the text stays NFC.
const LIGATURES = /[\uFB00-\uFB06]/g;

export async function convertPdf(bytes: Uint8Array, origin: string): Promise<PdfResult> {
  let pdf: PdfDocument;
  try {
    // A copy, as a plain Uint8Array: pdf.js refuses a Node Buffer, and may transfer (so detach)
    // the buffer it is given. (Buffer's own slice() would share memory and stay a Buffer.)
    pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, verbosity: 0 });
  } catch (cause) {
    const detail = errorName(cause) === "PasswordException" ? "is encrypted with a password" : "is not a readable PDF";
    return { ok: false, error: inputError("PDF_INVALID", origin, detail, cause) };
  }
  try {
    const { text: pages } = await extractText(pdf, { mergePages: false });
    const text = pages.join("\n").replace(LIGATURES, (ligature) => ligature.normalize("NFKC"));
    if (text.trim() === "") {
      return { ok: false, error: inputError("PDF_NO_TEXT", origin, "the PDF has no text layer (a scan needs OCR first)") };
    }
    return {
      ok: true,
      parts: { text, title: await pdfTitle(pdf), publisher: null, url: null, publishedDate: null, declaredLanguage: null },
    };
  } catch (cause) {
    return { ok: false, error: inputError("PDF_INVALID", origin, "the PDF could not be parsed", cause) };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

/**
 * The Info dictionary's Title (PDF 32000-1 §14.3.3). The creation date is not a publication
 * date (a browser's "print to PDF" stamps the day of printing), so no date is read.
 */
async function pdfTitle(pdf: PdfDocument): Promise<string | null> {
  try {
    const { info } = await getMeta(pdf);
    const title: unknown = info["Title"];
    if (typeof title !== "string") return null;
    const cleaned = title.replace(/\s+/g, " ").trim();
    return cleaned === "" ? null : cleaned;
  } catch {
    return null;
  }
}

function errorName(cause: unknown): string | undefined {
  return cause instanceof Error ? cause.name : undefined;
}
