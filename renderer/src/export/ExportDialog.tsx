import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { writeReason } from '../../../shared/bundle/reason';
import type { BundleTarget } from '../../../shared/bundle/types';
import { EMPTY_COMPLAINANT, EMPTY_COMPLAINT_FACTS, EMPTY_RESPONDENT } from '../../../shared/bundle/types';
import { pasteFields } from '../../../shared/complaint/pasteForm';
import { caseFactsOf } from '../../../shared/domain/bundleInput';
import { isCardShopCase } from '../../../shared/cardshop/record';
import type { CaseEvent } from '../../../shared/domain/events';
import { useApp } from '../app/StoreContext';
import { ComplaintFields, type ComplaintForm } from '../complaint/ComplaintFields';
import { ExportChecks } from './ExportChecks';
import { PasteView } from '../complaint/PasteView';
import { Field } from '../common/Field';
import { Modal } from '../common/Modal';
import { RedactionStep } from './RedactionStep';
import { RedactionSummary } from './RedactionSummary';

const LIMITS: { label: string; bytes: number | null }[] = [
  { label: '5 MB', bytes: 5_000_000 },
  { label: '10 MB', bytes: 10_000_000 },
  { label: '20 MB', bytes: 20_000_000 },
  { label: '∞', bytes: null },
];

export function ExportDialog({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const open = useApp((s) => s.exportOpen);
  const setOpen = useApp((s) => s.setExportOpen);
  const record = useApp((s) => s.cases.find((c) => c.id === caseId));
  const redacting = useApp((s) => s.redactionOpen);
  const setRedacting = useApp((s) => s.setRedactionOpen);
  if (!open || !record) return null;
  // The redaction step covers the form without unmounting it, so nothing typed there is lost.
  return (
    <Modal title={redacting ? t('redaction.title') : t('export.title')} onClose={() => (redacting ? setRedacting(false) : setOpen(false))} wide testId="export-dialog">
      {redacting && <RedactionStep />}
      <div hidden={redacting}>
        <ExportBody caseId={caseId} />
      </div>
    </Modal>
  );
}

function ExportBody({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const record = useApp((s) => s.cases.find((c) => c.id === caseId));
  const runPreflight = useApp((s) => s.runPreflight);
  const runExport = useApp((s) => s.runExport);
  const exporting = useApp((s) => s.exporting);
  const result = useApp((s) => s.exportResult);
  const error = useApp((s) => s.exportError);
  // Missing 12315 fields or an item too big for any part block the export, as main would refuse it.
  const blocked = useApp((s) => (s.preflight ? s.preflight.errors.length > 0 || s.preflight.oversize.length > 0 : true));
  const eventText = useMemo(() => (e: CaseEvent) => t(`timeline.${e.type}`, { detail: e.detail, status: e.status ? t(`status.${e.status}`) : '' }), [t]);
  const draft = useMemo(() => (record ? writeReason({ ...record, issue: record.issueType, request: record.remedy, statement: '' }, []).text : ''), [record]);
  const [target, setTarget] = useState<BundleTarget>('platform');
  const targetPicked = useRef(false);
  const [limit, setLimit] = useState(0);
  const [redact, setRedact] = useState(false);
  const [pasting, setPasting] = useState(false);
  const shop = useApp((s) => (s.cardShop?.caseId === caseId ? s.cardShop.record : null));
  const saveCardShop = useApp((s) => s.saveCardShop);
  const [form, setForm] = useState<ComplaintForm>({
    request: record?.remedy ?? '',
    statement: draft,
    complainant: EMPTY_COMPLAINANT,
    respondent: { ...EMPTY_RESPONDENT, name: record?.shop ?? '' },
    complaint: EMPTY_COMPLAINT_FACTS,
  });
  const caseDetails = useApp((s) => s.caseDetails);
  // A case imported with (or exported before with) its parties and statement starts from those.
  useEffect(() => {
    let live = true;
    void caseDetails(caseId).then((d) => {
      if (!live || !d) return;
      // A target the buyer already picked while this loaded stays theirs.
      if (!targetPicked.current) setTarget(d.target);
      // The repository fills fields older rows lack, so the consents come back unanswered, never preset.
      setForm((f) => ({ ...f, statement: d.statement || f.statement, complainant: d.complainant, respondent: d.respondent, complaint: d.complaint }));
    });
    return () => {
      live = false;
    };
  }, [caseId, caseDetails]);
  const full = { ...form, target };
  const maxBytes = LIMITS[limit]?.bytes ?? null;

  useEffect(() => {
    const timer = setTimeout(() => void runPreflight({ ...form, target }, maxBytes, redact, eventText), 250);
    return () => clearTimeout(timer);
  }, [form, target, maxBytes, redact, eventText, runPreflight]);

  // The card-shop record's secret choice reaches main with the sealed values; a new choice re-checks.
  const showSecrets = shop?.showSecrets ?? false;
  useEffect(() => {
    const timer = setTimeout(() => void runPreflight({ ...form, target }, maxBytes, redact, eventText), 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the choice matters here; the effect above covers the rest
  }, [showSecrets]);

  if (pasting && record) {
    return <PasteView fields={pasteFields({ case: { ...caseFactsOf(record), title: record.title, request: form.request, statement: form.statement }, ...form })} onBack={() => setPasting(false)} />;
  }

  return (
    <div className="export-body">
      <div className="export-form">
        <div className="inline-fields">
          <Field label={t('export.target')}>
            <select value={target} data-testid="export-target" onChange={(e) => {
                targetPicked.current = true;
                setTarget(e.target.value === '12315' ? '12315' : 'platform');
              }}>
              <option value="platform">{t('export.targetPlatform')}</option>
              <option value="12315">{t('export.target12315')}</option>
            </select>
          </Field>
          <Field label={t('export.limit')}>
            <select value={limit} data-testid="export-limit" onChange={(e) => setLimit(Number(e.target.value))}>
              {LIMITS.map((l, i) => (
                <option key={l.label} value={i}>
                  {l.bytes === null ? t('export.noLimit') : l.label}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {target === '12315' && record && <ComplaintFields form={form} record={record} onChange={setForm} />}
        {target !== '12315' && (
          <Field label={t('export.request')}>
            <input value={form.request} data-testid="export-request" onChange={(e) => setForm((f) => ({ ...f, request: e.target.value }))} />
          </Field>
        )}
        <Field label={t('export.statement')}>
          <textarea rows={6} value={form.statement} data-testid="export-statement" onChange={(e) => setForm((f) => ({ ...f, statement: e.target.value }))} />
        </Field>
        <label className="check">
          <input type="checkbox" checked={redact} data-testid="export-redact" onChange={(e) => setRedact(e.target.checked)} /> {t('export.redact')}
        </label>
        {redact && <RedactionSummary />}
        {record && isCardShopCase(record.platform) && shop && (
          <label className="check">
            <input type="checkbox" checked={shop.showSecrets} data-testid="export-show-secrets" onChange={(e) => void saveCardShop(caseId, { showSecrets: e.target.checked })} /> {t('cardShop.showInBundle')}
          </label>
        )}
      </div>
      <ExportChecks />
      <div className="form-actions">
        {error && <span className="field-error" data-testid="export-error">{error.message}</span>}
        {target === '12315' && (
          <button type="button" data-testid="export-paste" onClick={() => setPasting(true)}>
            {t('complaint.paste')}
          </button>
        )}
        {result && <span className="muted small" data-testid="export-result">{t('export.done', { count: result.files.length, pages: result.pages })}</span>}
        <button type="button" disabled={exporting || blocked} data-testid="export-folder" onClick={() => void runExport(full, maxBytes, redact, 'folder', eventText)}>
          {t('export.asFolder')}
        </button>
        <button type="button" className="primary" disabled={exporting || blocked} data-testid="export-pdf" onClick={() => void runExport(full, maxBytes, redact, 'pdf', eventText)}>
          {exporting ? t('export.working') : t('export.asPdf')}
        </button>
      </div>
    </div>
  );
}
