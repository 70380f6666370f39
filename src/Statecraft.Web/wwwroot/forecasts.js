// The Forecasts page: the ledger, the resolutions, the scores and the reliability diagram, from
// GET /api/forecasts (docs/forecasting.md). Uses app.js's helpers (el, fill, fmt, api, table, chart).

async function loadForecasts() {
  const message = $('forecasts-message');
  message.textContent = 'Loading…';
  let data;
  try {
    data = await api('/api/forecasts');
  } catch (e) {
    message.textContent = 'Could not load the forecasts: ' + e.message;
    return;
  }

  const s = data.score;
  message.textContent = data.ledger.length === 0
    ? `No forecasts in ${data.store} yet: run \`statecraft forecast\`, then settle questions with \`statecraft resolve\`.`
    : `${s.forecasts} question(s) forecast in ${s.records} record(s), ${s.resolved} resolved (${data.store}).`;

  fill('forecast-scores', s.resolved === 0 ? el('p', { class: 'muted' }, 'Nothing to score until a question is resolved.') : table(
    ['Forecaster', 'Resolved', 'Brier', 'Log score', 'Skill vs base rate', 'Skill vs 50%', 'Sharpness', 'CRPS'],
    [['headline', s.resolved, fmt(s.brier), fmt(s.log_score), fmt(s.skill_vs_base_rate), fmt(s.skill_vs_even), fmt(s.sharpness), fmt(s.crps)],
     ...s.models.map(m => [m.model, m.resolved, fmt(m.brier), fmt(m.log_score), fmt(m.skill_vs_base_rate), fmt(m.skill_vs_even), fmt(m.sharpness), fmt(m.crps)])]));

  const resolved = new Map(s.questions.map(q => [q.record, q]));
  fill('forecast-ledger', table(
    ['Record', 'Question', 'Forecaster', 'Forecast', 'ICD 203 term', 'Base rate', 'Made', 'Deadline', 'Outcome', 'Brier'],
    data.ledger.map(f => {
      const q = resolved.get(f.id);
      return [f.id, el('span', { title: f.question }, f.question_id), f.forecaster + (f.headline ? '' : ' (beside)'),
        f.p !== null ? fmt(f.p) : f.prediction, f.term || '—', f.base_rate, f.made_at, f.deadline,
        q ? q.outcome : '—', q ? fmt(q.brier ?? q.crps ?? q.categorical_brier) : '—'];
    })));

  fill('forecast-resolutions', data.resolutions.length === 0 ? el('p', { class: 'muted' }, 'No resolutions yet.') : table(
    ['Record', 'Question', 'Outcome', 'Settled', 'Source', 'Corrects', 'Reason'],
    data.resolutions.map(r => [r.id, r.question_id, r.outcome, r.date, r.source, r.corrects ?? '—', r.reason || '—'])));

  drawReliability(s.calibration);
}

// Mean forecast against observed frequency, bin by bin, beside the diagonal of perfect calibration.
function drawReliability(bins) {
  const c = chart('forecast-reliability');
  if (!c) return;
  c.setOption({
    animation: false,
    title: { text: 'Reliability (headline binary forecasts)', left: 'center', textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'item', ...richTooltip, formatter: p => p.seriesName === 'Forecasts'
      ? `bin ${fmt(p.data.bin[0])}–${fmt(p.data.bin[1])}: ${p.data.n} forecast(s), mean p ${fmt(p.data.value[0])}, happened ${fmt(p.data.value[1])}`
      : 'perfect calibration' },
    grid: { left: 60, right: 20, top: 40, bottom: 50 },
    xAxis: { type: 'value', min: 0, max: 1, name: 'mean forecast probability', nameLocation: 'middle', nameGap: 30 },
    yAxis: { type: 'value', min: 0, max: 1, name: 'observed frequency', nameLocation: 'middle', nameGap: 40 },
    series: [
      { name: 'Perfect calibration', type: 'line', data: [[0, 0], [1, 1]], showSymbol: false, lineStyle: { type: 'dashed', color: '#888' } },
      { name: 'Forecasts', type: 'scatter', symbolSize: d => 8 + 3 * Math.sqrt(d[2]),
        data: bins.map(b => ({ value: [b.mean_p, b.frequency, b.n], bin: b.bin, n: b.n })) },
    ],
  });
}
