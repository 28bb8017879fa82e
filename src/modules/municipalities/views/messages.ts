// Turns a boundary error into a sentence that says where in the GeoJSON the problem is.
import type { I18n } from '../../../core/i18n/i18n.js';
import type { BoundaryErrorCode, BoundaryErrorDetail } from '../municipalities.boundary.js';

export function boundaryErrorMessage(t: I18n['t'], code: BoundaryErrorCode, d: BoundaryErrorDetail): string {
  let where = 'none';
  if (d.ring !== undefined && d.polygon !== undefined) where = t('municipalities.boundary.where.polygonRing', { ring: d.ring, polygon: d.polygon });
  else if (d.ring !== undefined) where = t('municipalities.boundary.where.ring', { ring: d.ring });
  else if (d.polygon !== undefined) where = t('municipalities.boundary.where.polygon', { polygon: d.polygon });
  const whereLower = where.charAt(0).toLocaleLowerCase() + where.slice(1);
  return t(`municipalities.boundary.error.${code}`, { where, whereLower, position: d.position, count: d.count, sizeKb: d.sizeKb });
}
