import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_KINDS, captureTrust, type EvidenceRecord } from '../../../shared/domain/evidence';
import { formatLocal } from '../../../shared/time/shanghai';
import { formatBytes, formatDuration } from '../common/format';
import { useApp } from '../app/StoreContext';
import { EnumSelect } from '../common/EnumSelect';
import { Field } from '../common/Field';
import { pageFacts } from './PagePreview';

export function EvidenceDetails({ item }: { item: EvidenceRecord }) {
  const { t } = useTranslation();
  const cases = useApp((s) => s.cases);
  const updateEvidence = useApp((s) => s.updateEvidence);
  const moveEvidence = useApp((s) => s.moveWithUndo);
  const removeEvidence = useApp((s) => s.trashWithUndo);
  const [title, setTitle] = useState(item.title);
  const [note, setNote] = useState(item.note);
  const dirty = title !== item.title || note !== item.note;

  const facts: [string, string][] = [
    [t('evidence.capturedAt'), `${formatLocal(item.capturedAt, true)} (${t(`captureSource.${item.captureSource}`)} · ${t(`times.trust.${captureTrust(item.captureSource)}`)})`],
    [t('evidence.importedAt'), `${formatLocal(item.importedAt, true)} · ${t(`importSource.${item.importSource}`)}`],
    [t('evidence.size'), formatBytes(item.size)],
    [t('evidence.format'), `${item.format.toUpperCase()} · ${item.originalName}`],
  ];
  facts.push(...pageFacts(item, t, (s) => formatLocal(s, true)));
  if (item.width && item.height) facts.push([t('evidence.dimensions'), `${item.width} × ${item.height}`]);
  if (item.mediaType === 'video' || item.mediaType === 'audio') facts.push([t('evidence.duration'), formatDuration(item.durationSec)]);

  return (
    <div className="viewer-details">
      <Field label={t('evidence.kind')}>
        <EnumSelect value={item.kind} options={EVIDENCE_KINDS} labels="kind" testId="evidence-kind" onChange={(kind) => void updateEvidence(item.id, { kind })} />
      </Field>
      <Field label={t('evidence.title')}>
        <input value={title} data-testid="evidence-title" onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field label={t('evidence.note')}>
        <textarea value={note} rows={3} placeholder={t('evidence.notePlaceholder')} data-testid="evidence-note" onChange={(e) => setNote(e.target.value)} />
      </Field>
      <button type="button" className="primary" disabled={!dirty} data-testid="evidence-save" onClick={() => void updateEvidence(item.id, { title: title.trim() || item.title, note })}>
        {dirty ? t('evidence.save') : t('evidence.saved')}
      </button>
      <Field label={t('evidence.moveTo')}>
        <select value={item.caseId} data-testid="evidence-move" onChange={(e) => void moveEvidence(item.id, e.target.value)}>
          {cases.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </Field>
      <dl className="facts">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
        <div>
          <dt>{t('evidence.sha256')}</dt>
          <dd className="mono hash" data-testid="evidence-sha">
            {item.sha256}
          </dd>
        </div>
      </dl>
      <p className="muted small">{t('evidence.hashNote')}</p>
      {item.page && <p className="muted small">{t('webpage.provenanceNote')}</p>}
      <div className="viewer-actions">
        <button type="button" onClick={() => void window.liuzheng.openEvidence({ sha256: item.sha256, originalName: item.originalName })}>
          {t('evidence.openExternal')}
        </button>
        <button
          type="button"
          className="danger"
          data-testid="evidence-trash"
          // No confirmation: the toast that follows offers 撤销, and the trash keeps the item 30 days.
          onClick={() => void removeEvidence(item.id)}
        >
          {t('evidence.remove')}
        </button>
      </div>
    </div>
  );
}
