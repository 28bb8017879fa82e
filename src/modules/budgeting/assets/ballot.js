// Live running total on the ballot page. The server computes the same total on "Update total" and
// checks every ballot, so this script only saves a round trip; without it the page works the same.
const form = document.getElementById('budget-ballot');
const out = document.getElementById('ballot-total');
if (form && out) {
  const kind = out.dataset.kind;
  const budget = Number(out.dataset.budget) / 100;
  const points = Number(out.dataset.points);
  const k = Number(out.dataset.k);
  const da = out.dataset.lang === 'da';
  const money = (n) => new Intl.NumberFormat(da ? 'da-DK' : 'en-GB', { style: 'currency', currency: 'DKK', currencyDisplay: 'code', maximumFractionDigits: n % 1 === 0 ? 0 : 2 }).format(n);
  const update = () => {
    let text;
    if (kind === 'cumulative') {
      let used = 0;
      for (const input of form.querySelectorAll('input[name^="points_"]')) used += Math.max(0, Number.parseInt(input.value, 10) || 0);
      text = da ? `${used} af ${points} point brugt` : `${used} of ${points} points used`;
    } else if (kind === 'ranked') {
      const n = [...form.querySelectorAll('select[name^="rank_"]')].filter((s) => s.value !== '').length;
      text = da ? `${n} af ${k} valgt` : `${n} of ${k} chosen`;
    } else if (kind === 'approval') {
      const n = form.querySelectorAll('input[name="project"]:checked').length;
      text = da ? `${n} af ${k} valgt` : `${n} of ${k} chosen`;
    } else {
      let total = 0;
      for (const box of form.querySelectorAll('input[name="project"]:checked')) total += Number(box.dataset.cost) / 100;
      text = da ? `Valgt for ${money(total)} af ${money(budget)}` : `Chosen for ${money(total)} of ${money(budget)}`;
    }
    const strong = out.querySelector('strong');
    if (strong) strong.textContent = text;
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  update();
}
