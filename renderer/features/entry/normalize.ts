// What a typed value becomes when the officer leaves the field; the rule is shared with the
// Excel import, so a sheet's cell and a typed value end up the same.
export { normalizeFieldValue as normalizeOnCommit } from '../../../shared/registers/field-value';
export { findInvisibleChars } from '../../../shared/text/invisible';
