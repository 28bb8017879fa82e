import { defineTexts } from '../../core/i18n/i18n.js';

// The pages of participatory budgeting come later; the tally library and its command have no texts.
export const budgetingTexts = defineTexts<never>({ da: {}, en: {} });
