import XLSX from '@e965/xlsx';
import type { EdsReport } from './report.ts';

type Cell = string | number | null;

/** Text that a spreadsheet might run as a formula is written with a leading apostrophe. */
function safe(value: Cell): Cell {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function sheet(rows: Cell[][]) {
  return XLSX.utils.aoa_to_sheet(rows.map((r) => r.map(safe)));
}

function summaryRows(report: EdsReport): Cell[][] {
  return [
    [`${report.frameworkName} report ${report.yearLabel}`],
    ['Name of organisation', report.organisationName],
    ['Organisation board sponsor', report.sponsorName],
    ['Name of integrated care system', report.icsName],
    ['EDS lead', report.leadName],
    ['Level completed at', report.levelLabel],
    ['Organisations taking part', report.partnerOrganisations],
    ['Services reviewed (domain 1)', report.servicesReviewed.join('; ')],
    ['Date completed', report.dateCompleted?.slice(0, 10) ?? ''],
    ['Date authorised', report.dateAuthorised ?? ''],
    ['Date published', report.publishedAt?.slice(0, 10) ?? ''],
    [],
    ['Overall score', report.overall.total, 'out of', report.overall.maximum],
    ['Overall rating', report.overall.band ?? ''],
    ...(report.previous
      ? [
          [
            'Previous year',
            report.previous.yearLabel,
            report.previous.total,
            report.previous.band ?? '',
          ] as Cell[],
        ]
      : []),
    [],
    ['Third-party involvement in domain 3'],
    ['Trade union representatives', report.thirdParty.tradeUnion],
    ['Independent evaluators or peer reviewers', report.thirdParty.peerReviewers],
  ];
}

function outcomeRows(report: EdsReport): Cell[][] {
  const rows: Cell[][] = [
    [report.groupTerm, 'Outcome', 'Evidence', 'Score', 'Rating', 'How agreed', 'Owner'],
  ];
  for (const group of report.groups) {
    for (const o of group.outcomes) {
      rows.push([
        `${group.code} ${group.name}`,
        `${o.code} ${o.text}`,
        o.evidence.join('; '),
        o.score,
        o.rating,
        o.basis,
        o.owner,
      ]);
    }
    rows.push([
      `${report.groupTerm} ${group.code} overall`,
      '',
      '',
      group.score,
      `out of ${group.maximum}`,
      '',
      '',
    ]);
  }
  return rows;
}

function planRows(report: EdsReport): Cell[][] {
  return [
    [report.groupTerm, 'Outcome', 'Objective', 'Action', 'Owner', 'Completion date', 'Status'],
    ...report.actionPlan.map((a) => [
      a.groupCode,
      a.outcomeCode,
      a.objective,
      a.action,
      a.owner,
      a.dueDate,
      a.status,
    ]),
  ];
}

/** The report as an XLSX or ODS workbook: summary, ratings by outcome and the action plan. */
export function reportWorkbook(report: EdsReport, format: 'xlsx' | 'ods'): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet(summaryRows(report)), 'Summary');
  XLSX.utils.book_append_sheet(book, sheet(outcomeRows(report)), 'Ratings');
  XLSX.utils.book_append_sheet(book, sheet(planRows(report)), 'Action plan');
  return XLSX.write(book, { type: 'buffer', bookType: format }) as Buffer;
}
