import { useTranslation } from 'react-i18next';
import { LEGIBLE_SSIM } from '../../../shared/image/legibility';
import type { PageBytesStats } from '../../workers/export-protocol';

/** Over-target pages named one by one; a book where many are over says how many more. */
const NAMED_PAGES = 20;

/** The export report's bytes per page, the pages re-encoded and the pages still over target. */
export function PageSizeReport({ stats }: { stats: PageBytesStats }) {
  const { t, i18n } = useTranslation();
  const kB = (bytes: number) =>
    (bytes / 1000).toLocaleString(i18n.language, { maximumFractionDigits: 1 });
  const ssim = (value: number) =>
    value.toLocaleString(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const named = stats.overTarget.slice(0, NAMED_PAGES);
  return (
    <>
      <p>
        {t('exporter.sizeReport', {
          mean: kB(stats.meanBytesPerPage),
          max: kB(stats.maxBytesPerPage),
          target: kB(stats.targetBytesPerPage),
        })}
      </p>
      {stats.pagesReencoded > 0 && stats.lowestLegibility !== null && (
        <p>
          {t('exporter.reencoded', {
            n: stats.pagesReencoded,
            lowest: ssim(stats.lowestLegibility),
            threshold: ssim(LEGIBLE_SSIM),
          })}
        </p>
      )}
      {stats.pagesOverTarget > 0 && (
        <>
          <p>{t('exporter.overTarget', { n: stats.pagesOverTarget })}</p>
          <ul aria-label={t('exporter.overTargetList')}>
            {named.map((item) => (
              <li key={`${item.fileName}-${item.page}`}>
                {t('exporter.overTargetPage', { file: item.fileName, page: item.page })}
              </li>
            ))}
          </ul>
          {stats.overTarget.length > named.length && (
            <p>{t('exporter.overTargetMore', { n: stats.overTarget.length - named.length })}</p>
          )}
        </>
      )}
    </>
  );
}
