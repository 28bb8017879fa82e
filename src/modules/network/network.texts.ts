// Danish and English texts of the practice library (ICU messages).
import { defineTexts } from '../../core/i18n/i18n.js';

export const networkTexts = defineTexts({
  da: {
    'network.nav.network': 'Netværket',
  },
  en: {
    'network.nav.network': 'The network',
  },
});
