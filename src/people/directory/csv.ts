import iconv from 'iconv-lite';

/**
 * Japanese HR exports come as UTF-8 (with or without the BOM Excel writes) or as Shift_JIS (CP932, Excel's default
 * "CSV" on Japanese Windows). A BOM decides; otherwise bytes that are valid UTF-8 are UTF-8, and anything else CP932.
 */
export function decodeText(buffer: Uint8Array): { text: string; encoding: 'utf-8' | 'utf-8-bom' | 'cp932' } {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(buffer.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(buffer), 'cp932'), encoding: 'cp932' };
  }
}

export interface CsvRecord {
  /** 1-based physical line where the record starts, as an editor shows it. */
  line: number;
  fields: string[];
}

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF; blank lines are skipped. */
export function parseCsv(text: string): { records: CsvRecord[]; unterminatedQuoteAt?: number } {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteStartLine = 0;
  let sawAnything = false;
  const endRecord = () => {
    fields.push(field);
    if (sawAnything || fields.length > 1 || field !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    sawAnything = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      inQuotes = true;
      quoteStartLine = line;
      sawAnything = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      sawAnything = true;
    } else if (c === '\r' && text[i + 1] === '\n') {
      continue;
    } else if (c === '\n' || c === '\r') {
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
    }
  }
  if (inQuotes) return { records, unterminatedQuoteAt: quoteStartLine };
  endRecord();
  return { records };
}
