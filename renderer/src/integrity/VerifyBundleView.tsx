import { useTranslation } from 'react-i18next';
import type { BundleVerifyReport } from '../../../shared/integrity/contract';
import { useApp } from '../app/StoreContext';

/** Verdict one: the PDF's own integrity, check by check, with what changed where a check failed. */
function PdfVerdict({ report }: { report: BundleVerifyReport }) {
  const { t } = useTranslation();
  const { intact, files } = report.pdf;
  const headline = files.length === 0 ? t('integrity.verify.pdfNone') : intact ? t('integrity.verify.pdfIntact') : t('integrity.verify.pdfBad');
  const thisVault = files.every((f) => f.signer === 'this-vault');
  return (
    <div data-testid="verify-pdf-verdict" data-intact={intact ? 'true' : 'false'}>
      <h3 className="verify-heading">{t('integrity.verify.pdfTitle')}</h3>
      <p className="summary-line">
        <span className={intact && thisVault ? 'chain-badge chain-ok' : intact ? 'chain-badge chain-warn' : 'chain-badge chain-bad'}>
          {intact ? '✓ ' : '⚠ '}
          {headline}
        </span>
      </p>
      {files.map((f) => (
        <div key={f.file} className="verify-pdf" data-testid="verify-pdf-file">
          <p className="small">
            <strong>{f.file}</strong>
            {f.fingerprint && <span className="muted hash-line"> · {t('integrity.verify.fingerprint', { fp: f.fingerprint })}</span>}
          </p>
          <ul className="verify-checks">
            {f.checks.map((c) => (
              <li key={c.check} className={c.ok ? 'check-ok' : 'check-bad'} data-testid="verify-check" data-check={c.check} data-ok={c.ok ? 'true' : 'false'}>
                {c.ok ? '✓ ' : '⚠ '}
                <strong>{t(`integrity.verify.checks.${c.check}`)}</strong>
                {c.ok ? '' : `：${c.problems.map((p) => t(`integrity.verify.problem.${p.code}`, p.params)).join('；')}`}
              </li>
            ))}
          </ul>
        </div>
      ))}
      <p className="muted small">{t('integrity.verify.signatureNote')}</p>
    </div>
  );
}

export function VerifyBundleView() {
  const { t } = useTranslation();
  const report = useApp((s) => s.bundleReport);
  const verify = useApp((s) => s.verifyExport);
  const busy = useApp((s) => s.verifyingExport);
  const cancel = useApp((s) => s.cancelVerifyExport);
  const bad = report ? report.summary.mismatch + report.summary.missing : 0;

  return (
    <section className="integ-panel" data-testid="verify-bundle">
      <p className="integ-lead">{t('integrity.verify.lead')}</p>
      <div className="integ-actions">
        <button type="button" className="primary" data-testid="verify-folder" disabled={busy} onClick={() => void verify('folder')}>
          {t('integrity.verify.pickFolder')}
        </button>
        <button type="button" data-testid="verify-pdf" disabled={busy} onClick={() => void verify('pdf')}>
          {t('integrity.verify.pickPdf')}
        </button>
        {busy && (
          <>
            <span className="muted small" role="status" data-testid="verify-running">
              {t('integrity.verify.running')}
            </span>
            <button type="button" className="ghost" data-testid="verify-cancel" onClick={() => void cancel()}>
              {t('integrity.verify.cancel')}
            </button>
          </>
        )}
      </div>
      {report && (
        <div data-testid="verify-report">
          <PdfVerdict report={report} />
          <h3 className="verify-heading">{t('integrity.verify.originalsTitle')}</h3>
          <p className="summary-line" data-testid="verify-summary" data-ok={bad === 0 ? 'true' : 'false'}>
            <span className={bad === 0 ? 'chain-badge chain-ok' : 'chain-badge chain-bad'}>
              {bad === 0 ? `✓ ${t('integrity.verify.allMatch', { total: report.summary.total })}` : `⚠ ${t('integrity.verify.someBad', { bad, total: report.summary.total })}`}
            </span>
            <span className="muted small"> {t(`integrity.verify.against.${report.originalsAgainst}`)}</span>
          </p>
          {report.auditHead && (
            <p className={report.auditHead.ok ? 'muted small' : 'verify-bad'} data-testid="verify-audit-head" data-ok={report.auditHead.ok ? 'true' : 'false'}>
              {report.auditHead.ok
                ? `✓ ${t('integrity.verify.logOk')}`
                : `⚠ ${t(report.auditHead.finding === 'rewritten' ? 'integrity.verify.logRewritten' : 'integrity.verify.logTruncated', { seq: report.auditHead.seq, last: report.auditHead.last })}`}
            </p>
          )}
          {report.caseTitle !== null && report.exportedAt !== null ? (
            <p className="verify-source">
              {t('integrity.verify.source', {
                kind: t(report.kind === 'pdf' ? 'integrity.verify.kindPdf' : 'integrity.verify.kindFolder'),
                caseTitle: report.caseTitle,
                exportedAt: report.exportedAt.replace('T', ' '),
              })}
            </p>
          ) : (
            <p className="muted small" data-testid="verify-unverified">
              {t('integrity.verify.unverified')}
            </p>
          )}
          <table className="integ-table">
            <thead>
              <tr>
                <th>{t('integrity.verify.file')}</th>
                <th>{t('integrity.verify.hash')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {report.items.map((item) => (
                <tr key={`${item.label}-${item.file ?? ''}`} className={item.status === 'match' ? undefined : 'row-bad'} data-testid="verify-item" data-status={item.status}>
                  <td className="col-detail">
                    <strong>{item.label} </strong>
                    {item.file ?? item.title ?? ''}
                  </td>
                  <td className="hash-line">{item.expected}</td>
                  <td className="col-status">
                    <span className={`status-${item.status}`}>
                      {item.status === 'match' ? '✓ ' : '⚠ '}
                      {t(`integrity.verify.status.${item.status}`)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
