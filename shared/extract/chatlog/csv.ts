// RFC 4180 CSV reader that remembers where each record started, so a message can point back to its
// line in the exported file. It never throws: a broken record is returned and flagged instead.

export interface CsvRecord {
  fields: string[];
  /** 1-based line where the record starts. */
  line: number;
  /** The record's source text, for keeping a malformed row verbatim. */
  raw: string;
  /** The file ended inside a quoted field. */
  unterminated?: true;
}

export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let recordStart = 0;

  const endRecord = (end: number, next: number): void => {
    fields.push(field);
    const raw = text.slice(recordStart, end);
    if (raw.trim() !== '') records.push({ fields, line: recordLine, raw });
    fields = [];
    field = '';
    recordStart = next;
    recordLine = line;
  };

  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') inQuotes = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      const crlf = c === '\r' && text[i + 1] === '\n';
      line++;
      endRecord(i, i + (crlf ? 2 : 1));
      if (crlf) i++;
    } else field += c;
  }
  if (inQuotes) {
    fields.push(field);
    records.push({ fields, line: recordLine, raw: text.slice(recordStart), unterminated: true });
  } else if (field !== '' || fields.length > 0) {
    endRecord(text.length, text.length);
  }
  return records;
}
