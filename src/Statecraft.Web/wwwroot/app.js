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

// Numbers for people, the same rules as the report (charts.js): 2.36 bn, 12,345, 69, 0.48, 0.0012.
const fmt = x => StatecraftCharts.fmt(x);

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

const signed = x => StatecraftCharts.signed(x);

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

// Every page of the dashboard: its name is its URL (#name), so each tab can be linked, bookmarked
// and reloaded. A new page is one entry here and one <section id="tab-NAME"> (with its button) in index.html.
const tabs = {
  scenario: {},
  findings: {},
  bargaining: {},
  policies: {},
  history: { onShow: () => loadRuns() },
  forecasts: { onShow: () => loadForecasts() },
};

function showTab(name) {
  if (!tabs[name]) name = 'scenario';
  for (const b of document.querySelectorAll('#tabs button')) {
    b.classList.toggle('active', b.dataset.tab === name);
    b.setAttribute('aria-selected', String(b.dataset.tab === name));
  }
  for (const s of document.querySelectorAll('.tab')) s.classList.toggle('active', s.id === 'tab-' + name);
  if (tabs[name].onShow) tabs[name].onShow();
  // Charts drawn while hidden have no size; let them measure again.
  setTimeout(() => Object.values(state.charts).forEach(c => c.resize()), 0);
}

// The tab in the URL (#findings); opening a tab changes the URL, and back/forward move between tabs.
function go(name) {
  if (location.hash === '#' + name) showTab(name);
  else location.hash = name;
}

function route() { showTab(decodeURIComponent(location.hash.replace(/^#\/?/, '')) || 'scenario'); }

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
  go('scenario');
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

// Fruchterman-Reingold from a circle in id order, a fixed number of steps: the same scenario gives
// the same picture on every load (ECharts' own force layout starts from random positions).
function layoutNetwork(ids, links) {
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const pos = ids.map((_, i) => ({ x: Math.cos(2 * Math.PI * i / n), y: Math.sin(2 * Math.PI * i / n) }));
  const k = 1.6 / Math.sqrt(n);
  let temperature = 0.2;
  for (let step = 0; step < 400; step++) {
    const move = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
        const d = Math.max(1e-3, Math.hypot(dx, dy)), f = k * k / d;
        move[i].x += dx / d * f; move[i].y += dy / d * f;
        move[j].x -= dx / d * f; move[j].y -= dy / d * f;
      }
    }
    for (const l of links) {
      const a = index.get(l.from), b = index.get(l.to);
      if (a === undefined || b === undefined || a === b) continue;
      const dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y;
      const d = Math.max(1e-3, Math.hypot(dx, dy)), f = d * d / k;
      move[a].x -= dx / d * f; move[a].y -= dy / d * f;
      move[b].x += dx / d * f; move[b].y += dy / d * f;
    }
    for (let i = 0; i < n; i++) {
      // A pull to the centre keeps actors without ties inside the picture.
      move[i].x -= 0.6 * pos[i].x; move[i].y -= 0.6 * pos[i].y;
      const d = Math.max(1e-9, Math.hypot(move[i].x, move[i].y)), step = Math.min(d, temperature);
      pos[i].x += move[i].x / d * step; pos[i].y += move[i].y / d * step;
    }
    temperature *= 0.985;
  }
  return pos;
}

const tieColours = { defence: '#1d7a3a', 'non-aggression': '#7fb77e', entente: '#1f5fa8', rivalry: '#b3261e', backing: '#8e44ad', dependence: '#d35400', basing: '#5c6675' };

function drawNetwork(sc) {
  const c = chart('network');
  if (!c) return;
  const actors = [...sc.actors].sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const ties = sc.ties.filter(t => t.in_force);
  const kinds = [...new Set(actors.map(a => a.kind))];
  const kindColours = ['#1f77b4', '#ff7f0e', '#2ca02c', '#9467bd'];
  const maxCap = Math.max(...actors.map(a => a.capability.value), 1e-9);
  const size = cap => 10 + 34 * Math.sqrt(cap / maxCap);
  const pos = layoutNetwork(actors.map(a => a.id), ties);
  c.setOption({
    animation: false,
    tooltip: richTooltip,
    legend: [{ data: kinds, top: 4, left: 4 }],
    color: kindColours,
    series: [{
      type: 'graph', layout: 'none', roam: true,
      // The picture is fitted inside these margins, labels included.
      left: 70, right: 150, top: 50, bottom: 30,
      categories: kinds.map(k => ({ name: k })),
      label: { show: true, position: 'right', fontSize: 11 },
      edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 7,
      data: actors.map((a, i) => ({
        id: a.id, name: a.name, category: kinds.indexOf(a.kind), x: pos[i].x, y: pos[i].y,
        symbolSize: size(a.capability.value), value: a.capability.value,
        tooltip: { formatter: `${a.name} (${a.kind}): capability ${fmt(a.capability.value)}` },
      })),
      links: ties.map(t => ({
        source: t.from, target: t.to,
        tooltip: { formatter: `${nameOf(t.from)} → ${nameOf(t.to)}: ${t.kind}${t.since ? ' since ' + t.since : ''}` },
        lineStyle: { color: tieColours[t.kind] || '#999', width: 1.8, curveness: 0.12, type: t.kind === 'rivalry' ? 'dashed' : 'solid', opacity: 0.9 },
      })),
    }],
  });
  const used = [...new Set(ties.map(t => t.kind))];
  fill('network-legend',
    el('span', { class: 'muted' }, 'Ties: '),
    used.map(k => el('span', { class: 'legend-item' },
      el('span', { class: 'swatch' + (k === 'rivalry' ? ' dashed' : ''), style: `border-top-color:${tieColours[k] || '#999'}` }), ` ${k}`)),
    el('span', { class: 'legend-item muted' }, ` · Node size: capability (largest ${fmt(maxCap)}, ${actors.find(a => a.capability.value === maxCap)?.name ?? ''}); colour: kind of actor. Drag to pan, scroll to zoom.`));
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
        // Each claim's own verdict; the proposition tested and the reason on hover.
        (q.claim_verdicts || []).length
          ? el('div', { class: 'small claims' }, ...q.claim_verdicts.flatMap((v, i) => [i ? ' · ' : '',
            el('span', { title: `${v.proposition}: ${v.reason}`, class: v.verdict === 'agrees' ? 'agree' : v.verdict === 'disagrees' ? 'disagree' : 'muted' }, `${v.claim} ${v.verdict}`)]))
          : (q.claims || []).length ? el('div', { class: 'small' }, q.claims.join(', ')) : null,
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
  $('drivers-title').textContent = q ? `Drivers: ${q.question || q.id}` : 'Drivers';
  drawTornado(q);
}

// The drivers of an answer as the report draws them (charts.js): the answer with each input at its
// low and high value. Results recorded before drivers carried both ends show the swing alone.
function drawTornado(q) {
  const node = $('tornado');
  const drivers = ((q && q.drivers) || []).filter(d => typeof d.at_low === 'number' && typeof d.at_high === 'number');
  if (!drivers.length) {
    const swings = (q && q.drivers) || [];
    node.replaceChildren(swings.length
      ? table(['Input or package', 'Effect'], swings.map(d => [d.label || d.input, el('td', { class: 'num' }, signed(d.effect))]))
      : el('p', { class: 'muted' }, 'No drivers reported for this question.'));
    if (state.charts.tornado) { state.charts.tornado.dispose(); delete state.charts.tornado; }
    return;
  }
  node.style.height = `${150 + 64 * drivers.length}px`;
  node.replaceChildren();
  if (!window.echarts) { node.replaceChildren(el('p', { class: 'error' }, 'The chart library did not load.')); return; }
  state.charts.tornado = StatecraftCharts.render(node, {
    kind: 'tornado',
    title: 'What moves the answer',
    subtitle: 'Each input alone at its low (5%) and high (95%) value; bars start at the central answer.',
    x_name: q.unit || '',
    low_name: 'input at its low (5%) value',
    high_name: 'input at its high (95%) value',
    central: q.value,
    bars: drivers.map(d => ({ name: d.label || d.input, low_value: 'low ' + fmt(d.low), high_value: 'high ' + fmt(d.high), at_low: d.at_low, at_high: d.at_high })),
  }, 'canvas');
}

function renderPackages(result) {
  const packages = result.packages || [];
  if (!packages.length) { fill('packages', el('p', { class: 'muted' }, 'This result compares no packages.')); return; }
  // Outcome by outcome: each question's answer and its change against the scenario as given,
  // after the responder's best response where there is one; nothing is averaged across scales.
  const ids = [...new Set(packages.flatMap(p => (p.outcomes || []).map(o => o.question)))];
  const title = id => { const q = (result.questions || []).find(x => x.id === id); return q ? q.question : id; };
  const tone = o => !o.material ? 'immaterial' : o.gain > 0 ? 'towards' : o.gain < 0 ? 'away' : 'neutral';
  const mark = o => o.material && o.gain > 0 ? ' ▲' : o.material && o.gain < 0 ? ' ▼' : '';
  const cell = o => o ? el('td', { class: 'num' }, fmt(o.value), el('div', { class: 'muted' }, signed(o.change) + mark(o))) : el('td', {});
  const name = p => (p.title || p.policy) + (p.what_if ? ' (what-if)' : '');
  const chartNode = el('div', { id: 'packages-chart', class: 'chart', role: 'img', 'aria-label': 'Policy packages outcome by outcome', style: `height:${190 + 36 * packages.length}px` });
  fill('packages', chartNode,
    table(['Package', 'Call', 'Response', 'War (share of draws, not a probability)', ...ids.map(title)], packages.map(p => {
      const final = p.with_response || p.outcomes || [];
      const war = p.war_with_response || p.war;
      return [
        el('td', {}, p.title || p.policy, p.what_if ? el('span', { class: 'muted' }, ' (what-if)') : null, el('div', { class: 'muted small' }, p.policy)),
        el('td', {}, p.call_with_response || p.call || ''),
        el('td', {}, p.response || ''),
        el('td', { class: 'num' }, war ? Math.round(100 * war.value) + '%' : ''),
        ...ids.map(id => cell(final.find(o => o.question === id)))];
    }), { class: 'wide' }));
  if (!window.echarts) return;
  state.charts['packages-chart'] = StatecraftCharts.render(chartNode, {
    kind: 'policies',
    title: 'Policy packages outcome by outcome',
    subtitle: "Each answer's change against the scenario as given, on its own scale, after the responder's best response where it has one (see the table).",
    x_name: '', columns: ids.map(title),
    tone_names: { towards: 'towards the sponsors', away: 'away from the sponsors', neutral: 'material, no sponsor stance', immaterial: 'not material' },
    rows: packages.map(p => ({ name: name(p), cells: ids.map(id => { const o = (p.with_response || p.outcomes || []).find(x => x.question === id); return o ? { text: signed(o.change), tone: tone(o) } : { text: '', tone: 'immaterial' }; }) })),
  }, 'canvas');
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
  const answerIn = (result, id) => (result.questions || []).find(x => x.id === id) || null;
  const valueIn = (result, id) => { const q = answerIn(result, id); return q ? q.value : null; };
  const interval = q => q && Array.isArray(q.interval) ? el('div', { class: 'muted small' }, `90%: ${fmt(q.interval[0])} to ${fmt(q.interval[1])}`) : null;
  const rows = qs.map(q => [
    el('td', {}, q.question || q.id, el('div', { class: 'muted small' }, q.unit || '')),
    el('td', { class: 'num' }, fmt(q.value), interval(q)),
    ...runs.map(r => {
      const a = answerIn(r.job.result, q.id);
      const v = a ? a.value : null;
      const d = v === null ? null : v - q.value;
      return el('td', { class: 'num' }, fmt(v), d === null || d === 0 ? '' : el('span', { class: d > 0 ? 'up' : 'down' }, ` (${signed(d)})`), interval(a));
    }),
  ]);
  fill('comparison', table(['Question', 'Baseline', ...runs.map(r => nameOfPolicy(r.policy))], rows, { class: 'comparison' }));
  renderPackages(baseline);
  const c = chart('comparison-chart');
  if (!c) return;
  c.setOption({
    tooltip: { ...richTooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: runs.map(r => nameOfPolicy(r.policy)), top: 0 },
    grid: { left: 10, right: 30, top: 40, bottom: 40, containLabel: true },
    xAxis: { type: 'value', name: 'change of the central answer from the baseline (in each question\'s unit)', nameLocation: 'middle', nameGap: 26, axisLabel: { formatter: fmt } },
    yAxis: { type: 'category', data: qs.map(q => q.question || q.id), inverse: true, axisTick: { show: true }, axisLabel: { width: 260, overflow: 'break', lineHeight: 13 } },
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
    const scale = state.scenario.issues.find(x => x.id === issue);
    paths.forEach((t, i) => {
      const id = 'trajectory-' + i;
      const node = el('div', { id, class: 'chart', role: 'img', 'aria-label': `${t.model} positions on ${t.issue} by round`, style: `height:${400 + 22 * Math.ceil((t.actors.length + 1) / 5)}px` });
      holder.append(el('h3', {}, `${t.model}${t.forecast !== null && t.forecast !== undefined ? ' — forecast ' + fmt(t.forecast) : ''}`), node);
      if (!window.echarts) { node.replaceChildren(el('p', { class: 'error' }, 'The chart library did not load.')); return; }
      state.charts[id] = StatecraftCharts.render(node, {
        kind: 'trajectories',
        title: `${t.model}: ${scale ? scale.title : t.issue}`,
        subtitle: scale ? `${fmt(scale.min)} = ${scale.low_means}; ${fmt(scale.max)} = ${scale.high_means}` : '',
        x_name: 'round (0 = the scenario\'s positions)', y_name: 'position',
        y_min: scale ? scale.min : null, y_max: scale ? scale.max : null,
        actors: t.actors.map((a, k) => ({ name: nameOf(a), values: t.rounds.map(r => r[k]) })),
        forecast_name: null, forecast: null,
      }, 'canvas');
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
      commandLine(r.options),
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

// A run's options as the command line had them: positional arguments (recorded under their
// upper-case names, FILE, SCENARIO) as bare values first, then the options; flags without a value.
function commandLine(options) {
  const entries = Object.entries(options || {});
  const positional = entries.filter(([k]) => k === k.toUpperCase() && /[A-Z]/.test(k)).map(([, v]) => v);
  const named = entries.filter(([k]) => !(k === k.toUpperCase() && /[A-Z]/.test(k)))
    .map(([k, v]) => v === 'true' ? `--${k}` : `--${k} ${v}`);
  return [...positional, ...named].join(' ');
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
  go('findings');
}

// ---------- start ----------

document.addEventListener('DOMContentLoaded', () => {
  for (const b of document.querySelectorAll('#tabs button')) b.addEventListener('click', () => go(b.dataset.tab));
  window.addEventListener('hashchange', route);
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
  route();
  loadScenarios().catch(e => banner('Could not load: ' + e.message));
});
