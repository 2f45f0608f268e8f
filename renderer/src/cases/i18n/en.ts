import type { Mirror } from '../../i18n/mirror';
import type { zhPortable } from './zh';

export const enPortable = {
  export: 'Export case folder',
  exportHint: 'The case (case.json) and every original: import it on another computer, or build a bundle with the CLI',
  import: 'Import case',
  importHint: 'Choose a case folder that holds case.json',
  working: 'Working…',
  exported: 'Case folder exported ({{files}} files)',
  imported: 'Imported case “{{title}}” with {{count}} items; the originals are in the vault',
  exportFailed: 'Could not export the case folder',
  importFailed: 'Could not import the case',
  noEvidence: 'This case has no evidence yet; there is nothing to export.',
  dismiss: 'Dismiss',
} satisfies Mirror<typeof zhPortable>;
