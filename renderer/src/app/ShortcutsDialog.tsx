import { useTranslation } from 'react-i18next';
import { shortcutLabel, type AppCommand } from '../../../shared/shortcuts/keymap';
import { isMac } from '../common/format';
import { useApp } from './StoreContext';
import { Modal } from '../common/Modal';

const APP_ROWS: { command: AppCommand; label: string }[] = [
  { command: 'new-case', label: 'ux.shortcuts.newCase' },
  { command: 'search', label: 'ux.shortcuts.search' },
  { command: 'settings', label: 'ux.shortcuts.settings' },
  { command: 'help', label: 'ux.shortcuts.help' },
];
const CASE_ROWS: { command: AppCommand; label: string }[] = [
  { command: 'import', label: 'ux.shortcuts.import' },
  { command: 'export', label: 'ux.shortcuts.export' },
];

/** Every shortcut, from the same table the key handler and the menu use. */
export function ShortcutsDialog() {
  const { t } = useTranslation();
  const open = useApp((s) => s.shortcutsOpen);
  const setOpen = useApp((s) => s.setShortcutsOpen);
  if (!open) return null;
  const mod = isMac ? '⌘' : 'Ctrl+';
  const groups: { title: string; rows: [string, string][] }[] = [
    { title: t('ux.shortcuts.groups.app'), rows: APP_ROWS.map((r) => [shortcutLabel(r.command, isMac), t(r.label)]) },
    {
      title: t('ux.shortcuts.groups.caseGroup'),
      rows: [...CASE_ROWS.map((r): [string, string] => [shortcutLabel(r.command, isMac), t(r.label)]), [`${mod}V`, t('ux.shortcuts.paste')]],
    },
    {
      title: t('ux.shortcuts.groups.viewer'),
      rows: [
        ['←', t('ux.shortcuts.prev')],
        ['→', t('ux.shortcuts.next')],
        ['Esc', t('ux.shortcuts.close')],
        [isMac ? '⌫' : 'Delete', t('ux.shortcuts.trash')],
      ],
    },
  ];

  return (
    <Modal title={t('ux.shortcuts.title')} onClose={() => setOpen(false)} testId="shortcuts-dialog">
      <div className="modal-body shortcuts">
        {groups.map((g) => (
          <section key={g.title} className="shortcut-group">
            <h3>{g.title}</h3>
            <dl>
              {g.rows.map(([keys, label]) => (
                <div key={label} className="shortcut-row">
                  <dt>
                    <kbd>{keys}</kbd>
                  </dt>
                  <dd>{label}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}
