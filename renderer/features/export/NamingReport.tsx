import { useTranslation } from 'react-i18next';
import type { BundleOutline } from '../../workers/export-protocol';

/**
 * The naming conventions the bundle uses and the entries named by them (no số, partial date),
 * so nobody finds a 000 or 2018-00-00 in the zip without having been told.
 */
export function NamingReport({ outline }: { outline: BundleOutline }) {
  const { t } = useTranslation();
  const { naming, byConvention = [] } = outline;
  if (!naming) return null;
  return (
    <div className="export-naming">
      <p>
        {t('pdfNaming.report.inUse', {
          so: t(`pdfNaming.so.${naming.so}`),
          partialDate: t(`pdfNaming.partialDate.${naming.partialDate}`),
          missingSo: t(`pdfNaming.missingSo.${naming.missingSo}`),
        })}
      </p>
      {byConvention.length > 0 && (
        <>
          <p>{t('pdfNaming.report.byConvention', { n: byConvention.length })}</p>
          <ul>
            {byConvention.map((item) => (
              <li key={`${item.entryId}:${item.rule}`}>
                {t(
                  item.rule === 'missingSo'
                    ? 'pdfNaming.report.namedNoSo'
                    : 'pdfNaming.report.namedPartial',
                  {
                    so: item.so,
                    fileName: item.fileName,
                  },
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
