// Statecraft dashboard. Every piece of scenario or result text enters the page through
// textContent or an attribute (el() below), never as markup; charts draw text on a canvas and
// their tooltips use ECharts' rich-text mode, not HTML.
'use strict';

const state = {
  status: null,
  scenario: null,     // ScenarioView of the selected scenario
  result: null,       // the analyze JSON shown on the Findings tab
  resultLabel: '',
  selectedQuestion: null,
  charts: {},
  ticked: [],          // run ids ticked on the History tab
};

// ---------- helpers ----------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function $(id) { return document.getElementById(id); }

function fill(id, ...children) { const node = $(id); node.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined)); return node; }

function fmt(x) {
  if (x === null || x === undefined) return '—';
  if (typeof x !== 'number') return String(x);
  if (!isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a < 0.001 || a >= 1e6)) return x.toExponential(2);
  return Number(x.toPrecision(4)).toString();
}

function fmtRange(v) {
  if (!v) return '—';
  if (v.low === v.high) return fmt(v.value);
  return `${fmt(v.value)} (${fmt(v.low)}–${fmt(v.high)})`;
}

// A value as the diff carries it (JSON text): numbers and lists of numbers shortened for reading.
function fmtText(text) {
  if (text === null || text === undefined) return '—';
  if (/^-?\d/.test(text) && isFinite(Number(text))) return fmt(Number(text));
  if (text.startsWith('[')) {
    try {
      const list = JSON.parse(text);
      if (Array.isArray(list) && list.every(x => typeof x === 'number')) return '[' + list.map(fmt).join(', ') + ']';
    } catch { /* not a list of numbers: shown as it is */ }
  }
  return text;
}

function signed(x) { return (x > 0 ? '+' : '') + fmt(x); }

async function api(path, options) {
  const response = await fetch(path, options);
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = { error: text }; }
  if (!response.ok) throw new Error((body && body.error) || `${response.status} ${response.statusText}`);
  return body;
}

function table(headers, rows, options = {}) {
  const head = el('tr', {}, headers.map(h => el('th', {}, h)));
  const body = rows.map(r => r instanceof Node ? r : el('tr', {}, r.map(c => c instanceof Node && c.tagName === 'TD' ? c : el('td', {}, c))));
  return el('table', { class: options.class }, el('thead', {}, head), el('tbody', {}, body));
}

function sourceTag(id) {
  if (!id) return '';
  const src = state.scenario && state.scenario.sources.find(s => s.id === id);
  return el('span', { class: 'source', title: src ? `${src.kind}: ${src.text}${src.reference ? ' — ' + src.reference : ''}` : id }, id);
}

function chart(id) {
  const node = $(id);
  if (!window.echarts) { node.replaceChildren(el('p', { class: 'error' }, 'The chart library did not load.')); return null; }
  if (state.charts[id]) { state.charts[id].dispose(); }
  state.charts[id] = echarts.init(node, null, { renderer: 'canvas' });
  return state.charts[id];
}

const richTooltip = { renderMode: 'richText' };

function banner(text) { const b = $('banner'); b.hidden = !text; b.textContent = text || ''; }

// ---------- tabs ----------

function showTab(name) {
  for (const b of document.querySelectorAll('#tabs button')) b.classList.toggle('active', b.dataset.tab === name);
  for (const s of document.querySelectorAll('.tab')) s.classList.toggle('active', s.id === 'tab-' + name);
  if (name === 'history') loadRuns();
  if (name === 'forecasts') loadForecasts();
  // Charts drawn while hidden have no size; let them measure again.
  setTimeout(() => Object.values(state.charts).forEach(c => c.resize()), 0);
}

// ---------- scenario ----------

async function loadScenarios() {
  state.status = await api('/api/status');
  const scenarios = await api('/api/scenarios');
  const select = $('scenario-select');
  select.replaceChildren(...scenarios.map(s => el('option', { value: s.id }, `${s.title} (${s.date})`)));
  $('status').textContent = `v${state.status.version.split('+')[0]} · runs stored in ${state.status.store}`;
  if (!state.status.can_analyze) {
    banner('This build has no analysis: the History tab shows the runs in the store, and any analyze run can be opened there.');
    for (const id of ['run-button', 'compare-button', 'bargaining-button']) $(id).disabled = true;
  }
  if (scenarios.length > 0) await selectScenario(scenarios[0].id);
  else fill('scenario-head', el('p', { class: 'muted' }, 'No scenario is available in this build.'));
}

async function uploadScenario(file) {
  const box = $('problems');
  box.hidden = true;
  const text = await file.text();
  const response = await fetch('/api/scenarios?name=' + encodeURIComponent(file.name), { method: 'POST', headers: { 'Content-Type': 'text/yaml' }, body: text });
  const body = await response.json().catch(() => ({ error: `${response.status} ${response.statusText}` }));
  if (!response.ok) {
    box.replaceChildren(el('strong', {}, `${file.name}: ${body.error}`), body.problems ? el('ul', {}, body.problems.map(p => el('li', {}, p))) : null);
    box.hidden = false;
    return;
  }
  const scenarios = await api('/api/scenarios');
  $('scenario-select').replaceChildren(...scenarios.map(s => el('option', { value: s.id }, `${s.title} (${s.date})${s.built_in ? '' : ' — loaded'}`)));
  $('scenario-select').value = body.id;
  await selectScenario(body.id);
  showTab('scenario');
}

async function selectScenario(id) {
  state.scenario = await api('/api/scenarios/' + encodeURIComponent(id));
  renderScenario();
}

function renderScenario() {
  const sc = state.scenario;
  fill('scenario-head', el('div', { class: 'card' },
    el('h2', { id: 'scenario-title' }, sc.scenario.title),
    el('p', {}, sc.description),
    el('span', { class: 'kv' }, 'id: ', sc.scenario.id),
    el('span', { class: 'kv' }, 'set at: ', sc.scenario.date),
    el('span', { class: 'kv muted' }, 'SHA-256: ', sc.scenario.sha256.slice(0, 16), '…')));

  fill('actors', table(['Actor', 'Kind', 'Capability', 'Attributes'], sc.actors.map(a => [
    el('td', {}, el('strong', {}, a.name), el('br'), el('span', { class: 'muted' }, a.id + (a.country ? ` · ${a.country}` : '')),
      a.description ? el('div', { class: 'muted' }, a.description) : null),
    a.kind,
    el('td', {}, fmtRange(a.capability), ' ', sourceTag(a.capability.source)),
    el('td', {}, a.attributes.map(at => el('div', {}, `${at.name}: ${fmtRange(at.value)} `, sourceTag(at.value.source)))),
  ])));

  drawNetwork(sc);
  fill('ties', table(['Tie', 'From', 'To', 'Since', 'Note', 'Source'],
    sc.ties.filter(t => t.in_force).map(t => [t.kind, nameOf(t.from), nameOf(t.to), t.since || '', t.note, el('td', {}, sourceTag(t.source))])));

  const issues = $('issues');
  issues.replaceChildren();
  sc.issues.forEach((issue, i) => {
    const chartId = 'issue-chart-' + i;
    issues.append(el('div', { class: 'card' },
      el('h3', {}, issue.title, el('span', { class: 'muted' }, ` (${issue.id})`)),
      el('p', { class: 'muted' }, `${fmt(issue.min)} = ${issue.low_means}; ${fmt(issue.max)} = ${issue.high_means}`),
      el('div', { class: 'grid2' },
        table(['Actor', 'Position', 'Salience'], issue.stances.map(s => [
          nameOf(s.actor),
          el('td', { class: 'num' }, fmtRange(s.position), ' ', sourceTag(s.position.source)),
          el('td', { class: 'num' }, fmtRange(s.salience), ' ', sourceTag(s.salience.source))])),
        el('div', { id: chartId, class: 'chart', role: 'img', 'aria-label': `Positions on ${issue.id}` }))));
    drawIssue(chartId, issue);
  });

  fill('sources', table(['Source', 'Kind', 'What it is', 'Reference'], sc.sources.map(s => [s.id, s.kind, s.text, s.reference || ''])));

  const policyBoxes = (name) => sc.policies.map(p => el('label', { title: p.text },
    el('input', { type: 'checkbox', name, value: p.id }), ' ', p.title, p.what_if ? ' (what-if)' : ''));
  fill('run-policies', policyBoxes('run-policy'));
  fill('compare-policies', policyBoxes('compare-policy'));
  fill('bargaining-issue', sc.issues.map(i => el('option', { value: i.id }, i.title)));
}

function nameOf(actorId) {
  const a = state.scenario && state.scenario.actors.find(x => x.id === actorId);
  return a ? a.name : actorId;
}

function drawNetwork(sc) {
  const c = chart('network');
  if (!c) return;
  const kinds = [...new Set(sc.actors.map(a => a.kind))];
  const tieKinds = [...new Set(sc.ties.filter(t => t.in_force).map(t => t.kind))];
  const palette = ['#1f5fa8', '#b3261e', '#1d7a3a', '#8e44ad', '#d35400', '#16a085', '#7f8c8d'];
  const caps = sc.actors.map(a => a.capability.value);
  const maxCap = Math.max(...caps, 1e-9);
  c.setOption({
    tooltip: richTooltip,
    legend: [{ data: kinds, bottom: 6 }],
    color: palette,
    series: [{
      type: 'graph', layout: 'force', roam: true, draggable: true, top: 30, bottom: 40,
      force: { repulsion: 480, gravity: 0.1, edgeLength: [100, 180] },
      categories: kinds.map(k => ({ name: k })),
      label: { show: true, position: 'right' },
      edgeLabel: { show: true, formatter: p => p.data.kind, fontSize: 10, color: '#5c6675' },
      edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 7,
      data: sc.actors.map(a => ({
        id: a.id, name: a.name, category: kinds.indexOf(a.kind),
        symbolSize: 12 + 30 * Math.sqrt(a.capability.value / maxCap),
        value: a.capability.value,
      })),
      links: sc.ties.filter(t => t.in_force).map(t => ({
        source: t.from, target: t.to, kind: t.kind,
        lineStyle: { color: palette[tieKinds.indexOf(t.kind) % palette.length], width: 1.6, curveness: 0.15, type: t.kind === 'Rivalry' ? 'dashed' : 'solid' },
      })),
    }],
  });
}

function drawIssue(id, issue) {
  const c = chart(id);
  if (!c) return;
  const names = issue.stances.map(s => nameOf(s.actor));
  c.setOption({
    tooltip: richTooltip,
    grid: { left: 10, right: 25, top: 15, bottom: 10, containLabel: true },
    xAxis: { type: 'value', min: issue.min, max: issue.max },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 170, overflow: 'truncate' } },
    series: [
      { type: 'custom', name: 'range', renderItem: (params, api) => {
          const lo = api.coord([api.value(1), api.value(0)]);
          const hi = api.coord([api.value(2), api.value(0)]);
          return { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: { stroke: '#9aa5b4', lineWidth: 2 } };
        }, data: issue.stances.map((s, i) => [i, s.position.low, s.position.high]), silent: true },
      { type: 'scatter', name: 'position (size = salience)', data: issue.stances.map((s, i) => ({ value: [s.position.value, i], symbolSize: 6 + 22 * s.salience.value })) },
    ],
  });
}

// ---------- analysis runs ----------

function ticked(name) { return [...document.querySelectorAll(`input[name=${name}]:checked`)].map(x => x.value); }

async function runAnalysis(policies, progressId, messageId) {
  const samples = Number($('run-samples').value);
  const seed = Number($('run-seed').value);
  const body = { scenario: state.scenario.scenario.id, policies, samples, seed };
  const progress = $(progressId);
  progress.hidden = false; progress.value = 0;
  $(messageId).textContent = policies.length ? `running with ${policies.join(', ')}…` : 'running the baseline…';
  let job = await api('/api/analyze', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  while (job.status === 'queued' || job.status === 'running') {
    await new Promise(r => setTimeout(r, 250));
    job = await api('/api/analyze/' + job.id);
    progress.value = job.progress;
    $(messageId).textContent = `${job.status} ${Math.round(job.progress * 100)}%`;
  }
  if (job.status === 'failed') throw new Error(job.error);
  progress.value = 1;
  $(messageId).textContent = job.run_id ? `done — recorded as run ${job.run_id}` : `done — not recorded: ${job.record_error}`;
  return job;
}

async function onRun() {
  const button = $('run-button');
  button.disabled = true;
  try {
    const policies = ticked('run-policy');
    const job = await runAnalysis(policies, 'run-progress', 'run-message');
    showResult(job.result, `run ${job.run_id ?? '(unrecorded)'}${policies.length ? ' with ' + policies.join(', ') : ' (baseline)'}`);
  } catch (e) {
    $('run-message').replaceChildren(el('span', { class: 'error' }, e.message));
  } finally {
    button.disabled = false;
  }
}

function showResult(result, label) {
  state.result = result;
  state.resultLabel = label;
  const qs = result.questions || [];
  const answered = qs.filter(q => q.value !== null && q.value !== undefined);
  const agree = answered.filter(q => q.agrees_with_source === true).length;
  fill('findings-head', el('div', { class: 'card', id: 'findings-summary' },
    el('strong', {}, `${qs.length} questions answered`), ` — ${label}; `,
    `${agree} of ${answered.length} answers agree with the source article; `,
    `seed ${result.seed}, ${result.samples} samples`,
    result.policies && result.policies.length ? `, policies: ${result.policies.join(', ')}` : ''));
  const rows = qs.map(q => {
    const answered = q.value !== null && q.value !== undefined;
    const verdict = answered ? (q.agrees_with_source === true ? 'agrees' : q.agrees_with_source === false ? 'disagrees' : '—') : 'not answered';
    return el('tr', { class: 'selectable', 'data-question': q.id, onclick: () => selectQuestion(q.id) },
      el('td', {}, el('strong', {}, q.question || q.id), el('div', { class: 'muted small' }, q.id)),
      el('td', { class: 'num' }, answered ? fmt(q.value) : 'n/a', el('div', { class: 'muted small' }, q.unit || '')),
      el('td', { class: 'num' }, q.interval ? `${fmt(q.interval[0])} – ${fmt(q.interval[1])}` : '—'),
      el('td', {}, q.headline || q.verdict || '',
        q.headline && q.verdict && q.verdict !== q.headline ? el('div', { class: 'muted small' }, q.verdict) : null,
        (q.models || []).length
          ? el('div', { class: 'muted small' }, q.models.map(m => `${m.model}: ${m.value === null || m.value === undefined ? 'n/a' : fmt(m.value)}`).join(' · '))
          : null),
      el('td', {},
        el('span', { class: answered ? (q.agrees_with_source === true ? 'agree' : q.agrees_with_source === false ? 'disagree' : '') : 'muted' }, verdict),
        answered && typeof q.share_of_draws_agreeing === 'number' ? el('span', { class: 'muted' }, ` ${Math.round(q.share_of_draws_agreeing * 100)}% of draws`) : null,
        (q.claims || []).length ? el('div', { class: 'small' }, (q.claims || []).join(', ')) : null,
        q.source_conclusion ? el('div', { class: 'muted small' }, 'Article: ', q.source_conclusion) : null));
  });
  fill('findings', table(['Question', 'Answer', '90% interval', 'In short', 'Agrees with the article?'], rows, { class: 'findings' }));
  if (qs.length) selectQuestion(state.selectedQuestion && qs.some(q => q.id === state.selectedQuestion) ? state.selectedQuestion : qs[0].id);
  renderPackages(result);
}

function selectQuestion(id) {
  state.selectedQuestion = id;
  for (const row of document.querySelectorAll('#findings tr[data-question]')) row.classList.toggle('selected', row.dataset.question === id);
  const q = (state.result.questions || []).find(x => x.id === id);
  $('drivers-title').textContent = `Drivers of ${id}`;
  drawTornado(q);
}

// A driver is {input, effect} (a signed swing) or {input, low, high} (the answer with the input at each end).
function drawTornado(q) {
  const c = chart('tornado');
  if (!c) return;
  const drivers = (q && q.drivers) || [];
  if (!drivers.length) { c.setOption({ title: { text: 'No drivers reported for this question', left: 'center', top: 'middle', textStyle: { fontSize: 13, color: '#5c6675' } } }); return; }
  const ranged = drivers.every(d => typeof d.low === 'number' && typeof d.high === 'number');
  const sorted = [...drivers].sort((a, b) => swing(a) - swing(b)).slice(-12);
  const base = ranged ? q.value : 0;
  c.setOption({
    tooltip: { ...richTooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 200, right: 30, top: ranged ? 30 : 15, bottom: 45 },
    legend: ranged ? { data: ['input at low end', 'input at high end'], top: 0 } : { show: false },
    xAxis: { type: 'value', name: ranged ? (q.unit || '') : 'change of the answer, input from low to high', nameLocation: 'middle', nameGap: 28, scale: ranged },
    yAxis: { type: 'category', data: sorted.map(d => d.label || d.input), axisLabel: { width: 190, overflow: 'truncate' } },
    series: ranged ? [
      { name: 'input at low end', type: 'bar', stack: 't', data: sorted.map(d => d.low - base), itemStyle: { color: '#b3261e' } },
      { name: 'input at high end', type: 'bar', stack: 't2', barGap: '-100%', data: sorted.map(d => d.high - base), itemStyle: { color: '#1f5fa8' } },
    ] : [
      { name: 'effect', type: 'bar', data: sorted.map(d => ({ value: d.effect, itemStyle: { color: d.effect >= 0 ? '#1f5fa8' : '#b3261e' } })) },
    ],
  });
  function swing(d) { return ranged ? Math.abs(d.high - d.low) : Math.abs(d.effect); }
}

function renderPackages(result) {
  const packages = result.packages || [];
  if (!packages.length) { fill('packages', el('p', { class: 'muted' }, 'This result compares no packages.')); return; }
  // Outcome by outcome: each question's answer and its change against the scenario as given,
  // after the responder's best response where there is one; nothing is averaged across scales.
  const ids = [...new Set(packages.flatMap(p => (p.outcomes || []).map(o => o.question)))];
  const cell = o => o ? el('td', { class: 'num' }, fmt(o.value), el('div', { class: 'muted' }, (o.change >= 0 ? '+' : '') + fmt(o.change) + (o.material && o.gain > 0 ? ' ▲' : o.material && o.gain < 0 ? ' ▼' : ''))) : el('td', {});
  fill('packages', table(['Package', 'Call', 'Response', 'War (share of draws, not a probability)', ...ids], packages.map(p => {
    const final = p.with_response || p.outcomes || [];
    const war = p.war_with_response || p.war;
    return [
      el('td', {}, p.title || p.policy, p.what_if ? el('span', { class: 'muted' }, ' (what-if)') : null, el('div', { class: 'muted' }, p.policy)),
      el('td', {}, p.call_with_response || p.call || ''),
      el('td', {}, p.response || ''),
      el('td', { class: 'num' }, war ? fmt(war.value) : ''),
      ...ids.map(id => cell(final.find(o => o.question === id)))];
  })));
}

// ---------- policies ----------

async function onCompare() {
  const picked = ticked('compare-policy');
  if (!picked.length) { $('compare-message').textContent = 'Tick at least one package.'; return; }
  const button = $('compare-button');
  button.disabled = true;
  try {
    const baseline = await runAnalysis([], 'compare-progress', 'compare-message');
    const runs = [];
    for (const p of picked) runs.push({ policy: p, job: await runAnalysis([p], 'compare-progress', 'compare-message') });
    renderComparison(baseline.result, runs);
    $('compare-message').textContent = `compared ${picked.length} package(s) with the baseline (runs ${[baseline, ...runs.map(r => r.job)].map(j => j.run_id).join(', ')})`;
  } catch (e) {
    $('compare-message').replaceChildren(el('span', { class: 'error' }, e.message));
  } finally {
    button.disabled = false;
  }
}

function renderComparison(baseline, runs) {
  const qs = (baseline.questions || []).filter(q => typeof q.value === 'number');
  const valueIn = (result, id) => { const q = (result.questions || []).find(x => x.id === id); return q ? q.value : null; };
  const rows = qs.map(q => [
    el('td', {}, q.question || q.id, el('div', { class: 'muted' }, q.id)),
    el('td', { class: 'num' }, fmt(q.value), el('div', { class: 'muted small' }, q.unit || '')),
    ...runs.map(r => {
      const v = valueIn(r.job.result, q.id);
      const d = v === null ? null : v - q.value;
      return el('td', { class: 'num' }, fmt(v), d === null || d === 0 ? '' : el('span', { class: d > 0 ? 'up' : 'down' }, ` (${signed(d)})`));
    }),
  ]);
  fill('comparison', table(['Question', 'Baseline', ...runs.map(r => nameOfPolicy(r.policy))], rows, { class: 'comparison' }));
  renderPackages(baseline);
  const c = chart('comparison-chart');
  if (!c) return;
  c.setOption({
    tooltip: { ...richTooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: runs.map(r => nameOfPolicy(r.policy)), top: 0 },
    grid: { left: 260, right: 30, top: 40, bottom: 30 },
    xAxis: { type: 'value', name: 'change from the baseline' },
    yAxis: { type: 'category', data: qs.map(q => q.id), inverse: true },
    series: runs.map(r => ({ name: nameOfPolicy(r.policy), type: 'bar', data: qs.map(q => { const v = valueIn(r.job.result, q.id); return v === null ? null : v - q.value; }) })),
  });
}

function nameOfPolicy(id) {
  const p = state.scenario && state.scenario.policies.find(x => x.id === id);
  return p ? p.title : id;
}

// ---------- bargaining ----------

async function onBargaining() {
  const issue = $('bargaining-issue').value;
  const policies = ticked('run-policy');
  const query = policies.map(p => 'policy=' + encodeURIComponent(p)).join('&');
  $('bargaining-message').textContent = 'computing…';
  try {
    const view = await api(`/api/scenarios/${encodeURIComponent(state.scenario.scenario.id)}/bargaining${query ? '?' + query : ''}`);
    const paths = view.trajectories.filter(t => t.issue === issue);
    $('bargaining-message').textContent = paths.length ? `${paths.length} model(s) on ${issue}${policies.length ? ' with ' + policies.join(', ') : ''}` : `no trajectories for ${issue}`;
    const holder = $('trajectories');
    holder.replaceChildren();
    paths.forEach((t, i) => {
      const id = 'trajectory-' + i;
      holder.append(el('h3', {}, `${t.model}${t.forecast !== null && t.forecast !== undefined ? ' — forecast ' + fmt(t.forecast) : ''}`),
        el('div', { id, class: 'chart', role: 'img', 'aria-label': `${t.model} positions on ${t.issue} by round` }));
      const c = chart(id);
      if (!c) return;
      c.setOption({
        tooltip: { ...richTooltip, trigger: 'axis' },
        legend: { data: t.actors.map(nameOf), top: 0, type: 'scroll' },
        grid: { left: 50, right: 20, top: 40, bottom: 40 },
        xAxis: { type: 'category', name: 'round', nameLocation: 'middle', nameGap: 25, data: t.rounds.map((_, r) => r) },
        yAxis: { type: 'value', name: 'position', scale: true },
        series: t.actors.map((a, k) => ({ name: nameOf(a), type: 'line', showSymbol: false, data: t.rounds.map(r => r[k]) })),
      });
    });
  } catch (e) {
    $('bargaining-message').replaceChildren(el('span', { class: 'error' }, e.message));
  }
}

// ---------- history ----------

async function loadRuns() {
  try {
    const runs = await api('/api/runs?limit=200');
    state.ticked = state.ticked.filter(id => runs.some(r => r.id === id));
    $('history-message').textContent = `${runs.length} run(s) in the store`;
    fill('runs', table(['', 'Run', 'Command', 'Input', 'Options', 'Seed', 'Started (UTC)', 'Version', ''], runs.map(r => [
      el('td', {}, el('input', { type: 'checkbox', 'aria-label': `tick run ${r.id}`, checked: state.ticked.includes(r.id), onchange: (e) => tick(r.id, e.target.checked) })),
      el('td', { class: 'num' }, r.id),
      r.command,
      el('td', {}, r.input_id || '', r.input_sha256 ? el('div', { class: 'muted' }, r.input_sha256.slice(0, 12)) : null),
      Object.entries(r.options || {}).map(([k, v]) => `--${k} ${v}`).join(' '),
      r.seed || '',
      (r.started_at || '').replace('T', ' ').slice(0, 19),
      (r.version || '').split('+')[0],
      el('td', {}, r.command === 'analyze' ? el('button', { onclick: () => openRun(r.id) }, 'Open') : ''),
    ])));
    $('diff-button').disabled = state.ticked.length !== 2;
  } catch (e) {
    $('history-message').replaceChildren(el('span', { class: 'error' }, e.message));
  }
}

function tick(id, on) {
  state.ticked = state.ticked.filter(x => x !== id);
  if (on) state.ticked.push(id);
  while (state.ticked.length > 2) state.ticked.shift();
  for (const box of document.querySelectorAll('#runs input[type=checkbox]')) {
    const runId = Number(box.getAttribute('aria-label').replace('tick run ', ''));
    box.checked = state.ticked.includes(runId);
  }
  $('diff-button').disabled = state.ticked.length !== 2;
}

async function onDiff() {
  const [a, b] = [...state.ticked].sort((x, y) => x - y);
  try {
    const diff = await api(`/api/runs/${a}/diff/${b}`);
    const keys = diff.answers.filter(c => c.key);
    const details = diff.answers.filter(c => !c.key);
    const changes = list => table(['Answer', `Run ${diff.before}`, `Run ${diff.after}`, 'Change'], list.map(c => [
      c.path, fmtText(c.before), fmtText(c.after),
      el('td', { class: 'num ' + (c.delta > 0 ? 'up' : c.delta < 0 ? 'down' : '') }, c.delta === null || c.delta === undefined ? '' : signed(c.delta))]));
    fill('diff',
      el('h2', {}, `Run ${diff.before} → run ${diff.after}`),
      diff.inputs.length
        ? table(['Input', `Run ${diff.before}`, `Run ${diff.after}`], diff.inputs.map(c => [c.field, c.before ?? '—', c.after ?? '—']))
        : el('p', {}, 'Inputs: the same command, input, options, seed and version.'),
      el('h3', {}, `Answers that moved: ${keys.length} (of ${diff.answers.length} values changed, ${diff.answers_compared} compared)`),
      diff.answers.length === 0 ? el('p', {}, 'The results are identical.')
        : keys.length ? changes(keys) : el('p', {}, 'No answer moved; only details did.'),
      details.length ? el('details', {}, el('summary', {}, `${details.length} changed details (drivers, flip points, model estimates, rounds)`), changes(details)) : null);
  } catch (e) {
    fill('diff', el('p', { class: 'error' }, e.message));
  }
}

async function openRun(id) {
  const run = await api('/api/runs/' + id);
  showResult(run.result, `stored run ${id}`);
  showTab('findings');
}

// ---------- start ----------

document.addEventListener('DOMContentLoaded', () => {
  for (const b of document.querySelectorAll('#tabs button')) b.addEventListener('click', () => showTab(b.dataset.tab));
  $('scenario-select').addEventListener('change', e => selectScenario(e.target.value).catch(err => banner(err.message)));
  $('scenario-file').addEventListener('change', e => {
    const file = e.target.files[0];
    e.target.value = '';
    if (file) uploadScenario(file).catch(err => banner(err.message));
  });
  $('run-button').addEventListener('click', onRun);
  $('compare-button').addEventListener('click', onCompare);
  $('bargaining-button').addEventListener('click', onBargaining);
  $('history-refresh').addEventListener('click', loadRuns);
  $('forecasts-refresh').addEventListener('click', loadForecasts);
  $('diff-button').addEventListener('click', onDiff);
  window.addEventListener('resize', () => Object.values(state.charts).forEach(c => c.resize()));
  loadScenarios().catch(e => banner('Could not load: ' + e.message));
});
