// Verdict one: is this PDF what the vault exported? Every check re-derives a fact from the PDF itself
// and compares it with the manifest attachment; the attachment is only believed where the PDF bears
// it out. The signature makes any later change visible; the other checks name *what* changed, and
// still hold against a forger who re-signs with a key of their own.
import type { PDFDocument } from 'pdf-lib';
import type { PdfCheck, PdfCheckKind, PdfIntegrity } from '../../../shared/integrity/contract';
import { checkPdfSignature, problem, type Problem } from '../signing/verifySignature';
import { pageImageHashes, pageText, printedHashes } from './pdfContent';
import type { ManifestExhibit, PdfManifest } from './pdfManifest';

const short = (sha: string) => `${sha.slice(0, 12)}…`;

function counts(list: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of list) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

/** What `want` lists that `got` lacks, and the other way round, as multisets. */
function difference(want: readonly string[], got: readonly string[]): { missing: string[]; extra: string[] } {
  const w = counts(want);
  const g = counts(got);
  const missing = [...w].filter(([h, n]) => (g.get(h) ?? 0) < n).map(([h]) => h);
  const extra = [...g].filter(([h, n]) => (w.get(h) ?? 0) < n).map(([h]) => h);
  return { missing, extra };
}

function checkPages(m: PdfManifest, pageCount: number, mine: ManifestExhibit[]): Problem[] {
  const problems: Problem[] = [];
  if (m.pageCount !== pageCount) problems.push(problem('page-count', `the PDF has ${pageCount} pages, its manifest says ${m.pageCount ?? '(not recorded)'}: pages were added or deleted`, { actual: pageCount, listed: m.pageCount ?? 0 }));
  for (const e of mine) {
    if (e.pages && (e.pages.first > e.pages.last || e.pages.last > pageCount)) problems.push(problem('exhibit-pages', `${e.label} is listed on pages ${e.pages.first}–${e.pages.last}, but the PDF has ${pageCount} pages`, { no: e.no, first: e.pages.first, last: e.pages.last, actual: pageCount }));
  }
  const mp = m.manifestPages;
  if (!mp || mp.first > mp.last || mp.last > pageCount) problems.push(problem('manifest-pages', 'the printed 文件清单 pages listed are not in the PDF'));
  return problems;
}

function checkParts(m: PdfManifest): Problem[] {
  const problems: Problem[] = [];
  const parts = m.parts ?? [];
  if (parts.length !== m.partCount || m.part > m.partCount) problems.push(problem('part-count', `the manifest says part ${m.part} of ${m.partCount} but lists ${parts.length} parts`, { part: m.part, count: m.partCount, listed: parts.length }));
  const listed = parts.flatMap((p) => p.exhibits).sort((a, b) => a - b);
  const expected = m.exhibits.map((e) => e.no).sort((a, b) => a - b);
  if (listed.join(',') !== expected.join(',')) problems.push(problem('parts-partition', 'the parts do not list every exhibit exactly once'));
  for (const e of m.exhibits) {
    if (e.part !== undefined && !(parts[e.part - 1]?.exhibits.includes(e.no) ?? false)) problems.push(problem('exhibit-part', `${e.label} is said to be in part ${e.part}, which does not list it`, { no: e.no, part: e.part }));
  }
  return problems;
}

function checkImages(doc: PDFDocument, mine: ManifestExhibit[]): Problem[] {
  const problems: Problem[] = [];
  const pages = doc.getPages();
  const owned = new Set<number>();
  for (const e of mine) {
    const got: string[] = [];
    if (e.pages) {
      for (let k = e.pages.first; k <= e.pages.last && k <= pages.length; k++) {
        owned.add(k);
        const page = pages[k - 1];
        if (page) got.push(...pageImageHashes(doc, page));
      }
    }
    const { missing, extra } = difference(e.images ?? [], got);
    if (missing.length > 0 || extra.length > 0) {
      const what = [
        ...missing.map((h) => `image ${short(h)} listed but not shown`),
        ...extra.map((h) => `image ${short(h)} shown but not listed`),
      ];
      problems.push(
        problem('images', `${e.label}: its pages show different images than its manifest lists (${what.join('; ')}): an image was swapped or removed`, { no: e.no, missing: missing.length, extra: extra.length }),
      );
    }
  }
  // Images outside any exhibit's pages (a picture pasted onto the cover or the 文件清单).
  pages.forEach((page, i) => {
    if (owned.has(i + 1)) return;
    const stray = pageImageHashes(doc, page);
    if (stray.length > 0) problems.push(problem('stray-images', `page ${i + 1} shows ${stray.length} image(s) that belong to no exhibit`, { page: i + 1, count: stray.length }));
  });
  return problems;
}

/** The 文件清单 as printed must list, in order, exactly the hashes the attachment lists. */
function checkPrinted(doc: PDFDocument, m: PdfManifest, fingerprint: string | null): Problem[] {
  const problems: Problem[] = [];
  const mp = m.manifestPages;
  const pages = doc.getPages();
  if (!mp) return [problem('manifest-pages', 'the manifest does not say where the 文件清单 is printed')];
  const runs: string[] = [];
  for (let k = mp.first; k <= mp.last && k <= pages.length; k++) {
    const page = pages[k - 1];
    if (page) runs.push(...pageText(doc, page));
  }
  const printed = printedHashes(runs);
  const expected = m.exhibits.flatMap((e) => [e.sha256, ...(e.redactedSha256 ? [e.redactedSha256] : [])]);
  if (printed.join(',') !== expected.join(',')) {
    const at = expected.findIndex((h, i) => printed[i] !== h);
    const e = m.exhibits.find((x) => x.sha256 === expected[at] || x.redactedSha256 === expected[at]);
    problems.push(
      problem(
        'printed',
        `the printed 文件清单 does not match the manifest attachment${e ? ` (first difference at ${e.label})` : ''}: it prints ${printed.length} SHA-256 values, the attachment lists ${expected.length}`,
        { no: e?.no ?? 0, printed: printed.length, listed: expected.length },
      ),
    );
  }
  const cover = pages[0] ? pageText(doc, pages[0]).join('') : '';
  if (fingerprint !== null && !cover.includes(fingerprint)) problems.push(problem('cover-fingerprint', 'the cover does not print the fingerprint of the certificate that signed the file'));
  return problems;
}

function checkDuplicates(m: PdfManifest): Problem[] {
  const problems: Problem[] = [];
  const owner = new Map<string, string>();
  for (const e of m.exhibits) {
    for (const h of new Set([e.sha256, ...(e.images ?? []), ...(e.redactedSha256 ? [e.redactedSha256] : [])])) {
      const other = owner.get(h);
      if (other !== undefined && other !== e.label) problems.push(problem('duplicate', `SHA-256 ${short(h)} is listed for both ${other} and ${e.label}`, { hash: short(h), first: other, second: e.label }));
      else owner.set(h, e.label);
    }
  }
  return problems;
}

export interface PdfCheckOptions {
  /** The fingerprint of the vault's certificate, when checking against a vault. */
  vaultFingerprint: string | null;
}

export function checkPdf(file: string, bytes: Uint8Array, doc: PDFDocument, m: PdfManifest, opts: PdfCheckOptions): PdfIntegrity {
  const checks: PdfCheck[] = [];
  const add = (check: PdfCheckKind, problems: Problem[], good: string) =>
    checks.push({ check, ok: problems.length === 0, message: problems.length === 0 ? good : problems.map((x) => x.text).join('; '), problems: problems.map(({ code, params }) => ({ code, params })) });

  const sig = checkPdfSignature(bytes);
  add('signature', sig.problem === null ? [] : [sig.problem], `signed and unchanged since signing (signature covers the whole file, ${bytes.length} bytes)`);
  let signer: PdfIntegrity['signer'] = 'unchecked';
  if (sig.fingerprint !== null) {
    const problems: Problem[] = [];
    if (m.seal?.fingerprint !== sig.fingerprint) problems.push(problem('manifest-certificate', `the manifest names certificate ${m.seal?.fingerprint ?? '(none)'}, but the file is signed with ${sig.fingerprint}`, { listed: m.seal?.fingerprint ?? '—', actual: sig.fingerprint }));
    if (opts.vaultFingerprint !== null) {
      signer = sig.fingerprint === opts.vaultFingerprint ? 'this-vault' : 'other-key';
      if (signer === 'other-key') problems.push(problem('other-key', `signed with another key (${sig.fingerprint}), not this vault's (${opts.vaultFingerprint})`, { actual: sig.fingerprint, vault: opts.vaultFingerprint }));
    }
    add('signer', problems, signer === 'this-vault' ? "signed with this vault's key" : `signed with certificate ${sig.fingerprint}; compare it with the fingerprint the buyer gave`);
  }
  if (m.version < 2) {
    add('pages', [problem('old-manifest', 'the manifest predates page, image and signature records (exported by an older version): nothing in the PDF can be checked against it')], '');
  } else {
    const mine = m.exhibits.filter((e) => e.part === m.part);
    add('parts', checkParts(m), `part ${m.part} of ${m.partCount}`);
    add('pages', checkPages(m, doc.getPageCount(), mine), `${doc.getPageCount()} pages, as recorded`);
    add('images', checkImages(doc, mine), `every image shown hashes to what the manifest lists (${mine.reduce((s, e) => s + (e.images?.length ?? 0), 0)} images)`);
    add('printed', checkPrinted(doc, m, sig.fingerprint), 'the printed 文件清单 lists the same SHA-256 values as the attachment');
  }
  add('duplicates', checkDuplicates(m), 'no SHA-256 is listed for two exhibits');
  return { file, intact: checks.every((c) => c.ok), signer, fingerprint: sig.fingerprint, checks };
}
