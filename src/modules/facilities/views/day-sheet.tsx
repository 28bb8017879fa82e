// A printable day sheet for the caretaker: one facility, one day, who comes when. A document of its
// own (no site header or menu), styled by the module's small print stylesheet; no inline styles (CSP).
import type { PageContext } from '../../../core/views/page-context.js';
import type { FacilityDetail } from '../facilities.types.js';
import type { BookingView } from '../facilities.queries.js';
import { dateInWords, facilitiesBase, localTime, type Place } from './shared.js';

export const PRINT_CSS = `
body { font-family: "IBM Plex Sans", Arial, sans-serif; color: #1a1a1a; margin: 2rem; max-width: 60rem; }
h1 { font-size: 1.75rem; margin: 0 0 .25rem; }
p { margin: .25rem 0; }
table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
caption { text-align: left; font-weight: 600; padding: .5rem 0; }
th, td { border: 1px solid #747474; padding: .5rem; text-align: left; vertical-align: top; }
thead th { background: #f5f5f5; }
.sign { height: 2.5rem; min-width: 8rem; }
.no-print a { color: #004993; }
.no-print { margin-top: 1.5rem; }
@media print { body { margin: 0; } .no-print { display: none; } thead { display: table-header-group; } tr { break-inside: avoid; } }
`;

export function DaySheet(props: { page: PageContext; place: Place; facility: FacilityDetail; date: string; bookings: BookingView[]; cssHref: string }) {
  const { page, place, facility: f, date, bookings } = props;
  const { t, lang } = page.i18n;
  const title = t('facilities.sheet.title', { name: f.name, date: dateInWords(page.i18n, date) });
  return (
    <html lang={lang} dir={page.i18n.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('core.siteName')}`}</title>
        <link rel="stylesheet" href={props.cssHref} />
      </head>
      <body>
        <main>
          <h1>{title}</h1>
          <p>
            {f.institution}
            {f.address ? `, ${f.address}` : ''} · {place.name}
          </p>
          {bookings.length === 0 ? (
            <p>{t('facilities.sheet.none')}</p>
          ) : (
            <table>
              <caption>{t('facilities.sheet.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('facilities.avail.col.time')}</th>
                  <th scope="col">{t('facilities.col.who')}</th>
                  <th scope="col">{t('facilities.col.purpose')}</th>
                  <th scope="col">{t('facilities.col.status')}</th>
                  <th scope="col">{t('facilities.sheet.keyOut')}</th>
                  <th scope="col">{t('facilities.sheet.keyBack')}</th>
                </tr>
              </thead>
              <tbody>
                {bookings.map((b) => (
                  <tr>
                    <th scope="row">
                      {localTime(b.startsAt, place.timeZone)}–{localTime(b.endsAt, place.timeZone)}
                    </th>
                    <td>
                      {b.bookerName ?? '–'}
                      {b.groupName ? ` (${b.groupName})` : ''}
                    </td>
                    <td>
                      {b.purpose}
                      {b.attendees ? ` · ${t('facilities.capacityShort', { count: b.attendees })}` : ''}
                    </td>
                    <td>{t(`facilities.status.${b.status}`)}</td>
                    <td class="sign" />
                    <td class="sign" />
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {f.houseRules ? (
            <>
              <h2>{t('facilities.field.houseRules')}</h2>
              {f.houseRules.split(/\n+/).map((line) => (line.trim() ? <p>{line}</p> : null))}
            </>
          ) : null}
          <p class="no-print">
            <a href={`${facilitiesBase(place)}/${f.id}?view=day&date=${date}`}>{t('facilities.sheet.back')}</a>
          </p>
        </main>
      </body>
    </html>
  );
}
