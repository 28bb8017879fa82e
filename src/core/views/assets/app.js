// Progressive enhancement only: every page works the same without this file.

// After a failed submit, move focus to the error summary so screen readers read it first
// and keyboard users can follow its links straight to the fields.
const summary = document.querySelector('[data-error-summary]');
if (summary instanceof HTMLElement) summary.focus();
