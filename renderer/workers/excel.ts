// exceljs ships CommonJS for Node and a UMD bundle for browsers; its namespace arrives either
// directly or as `default` depending on the bundler. Everything else imports it from here.
import * as excelModule from 'exceljs';

type ExcelNamespace = typeof excelModule;

export const ExcelJS: ExcelNamespace =
  (excelModule as unknown as { default?: ExcelNamespace }).default ?? excelModule;
