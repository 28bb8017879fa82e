// Danish and English texts of the ledger foundation (ICU messages).
import { defineTexts } from '../../core/i18n/i18n.js';

export const ledgerTexts = defineTexts({
  da: {
    'ledger.nav.ledger': 'Økonomi',
  },
  en: {
    'ledger.nav.ledger': 'Money',
  },
});
