import type { PartialDate } from "../domain/records.ts";

/** What a format converter gets out of a source, before the shared normalisation and hashing. */
export interface DocumentParts {
  readonly text: string;
  readonly title: string | null;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly publishedDate: PartialDate | null;
  /** The language the source declares (`<html lang>`), a hint only: the text decides. */
  readonly declaredLanguage: string | null;
}
