// Full-text search over documents with FTS5 (https://www.sqlite.org/fts5.html).
//
// An external-content table keeps one copy of the text, in `documents`. It must be keyed by a
// rowid that never changes, and a table whose key is TEXT has none: "VACUUM may change the ROWIDs
// of entries in any tables that do not have an explicit INTEGER PRIMARY KEY"
// (https://www.sqlite.org/lang_vacuum.html). So `document_search_keys` gives each document a
// stable INTEGER PRIMARY KEY, a view joins it to the text, and the FTS5 table reads the view.
// Triggers keep the index in step inside the writing transaction, so a rolled-back save leaves
// no index entry either.
//
// `unicode61 remove_diacritics 2` folds "Qāida" to "qaida", including letters whose
// decomposition puts several marks on one base (https://www.sqlite.org/fts5.html#unicode61_tokenizer).
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table document_search_keys (
    search_rowid integer primary key,
    document_id text not null unique references documents (id)
  )`.execute(db);
  await sql`create view document_search_content as
    select keys.search_rowid as search_rowid, documents.title as title, documents.text as text
    from document_search_keys as keys join documents on documents.id = keys.document_id`.execute(db);
  await sql`create virtual table documents_fts using fts5 (
    title, text,
    content = 'document_search_content', content_rowid = 'search_rowid',
    tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`create trigger documents_search_insert after insert on documents begin
    insert into document_search_keys (document_id) values (new.id);
    insert into documents_fts (rowid, title, text)
      select search_rowid, new.title, new.text from document_search_keys where document_id = new.id;
  end`.execute(db);
  await sql`create trigger documents_search_update after update of title, text on documents begin
    insert into documents_fts (documents_fts, rowid, title, text)
      select 'delete', search_rowid, old.title, old.text from document_search_keys where document_id = old.id;
    insert into documents_fts (rowid, title, text)
      select search_rowid, new.title, new.text from document_search_keys where document_id = new.id;
  end`.execute(db);
  await sql`create trigger documents_search_delete before delete on documents begin
    insert into documents_fts (documents_fts, rowid, title, text)
      select 'delete', search_rowid, old.title, old.text from document_search_keys where document_id = old.id;
    delete from document_search_keys where document_id = old.id;
  end`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const trigger of ["documents_search_delete", "documents_search_update", "documents_search_insert"]) {
    await sql`drop trigger ${sql.id(trigger)}`.execute(db);
  }
  await sql`drop table documents_fts`.execute(db);
  await sql`drop view document_search_content`.execute(db);
  await sql`drop table document_search_keys`.execute(db);
}
