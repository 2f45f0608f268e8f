// What each command is called with and does, apart from the commands themselves: `help` and the
// registry read these without loading a command's modules (scan's OCR engines, bundle's PDF stack).
export const BUNDLE_USAGE = 'bundle <case.json|case folder> --out <file.pdf> [--max-mb N|0] [--target platform|12315] [--redact] [--folder <dir>] [--no-ocr]';
export const BUNDLE_SUMMARY = 'Build the evidence bundle PDF (split into parts under --max-mb, default 5; 0 = no limit) from a case.json; print {"files", "pages", "exhibits"}.';
export const DUE_USAGE = 'due <preset> <start>';
export const DUE_SUMMARY = 'Print when a deadline preset ends, counted from a local Asia/Shanghai start time.';
export const VERIFY_USAGE = 'verify <bundle.pdf|folder> [--vault <dir> | --originals <dir>]';
export const VERIFY_SUMMARY =
  'Re-check an exported bundle, two verdicts: the PDF itself (signature, pages, images, printed 文件清单), then the originals by hash against the vault (default: the app\'s), a plain folder of originals (--originals), or a folder export\'s copies. Exit 0 all good, 1 any mismatch, 2 bad input.';
export const SCAN_USAGE = 'scan <file>...';
export const SCAN_SUMMARY = 'OCR screenshots, read chat-log exports (.txt/.csv) or saved web pages (.mhtml/.html); print the extracted fields as one JSON line per file.';
