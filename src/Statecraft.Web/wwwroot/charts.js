// Statecraft charts: one module turns chart specs (plain data, written by the report generator or
// built by the dashboard from the API) into Apache ECharts options, so the report and the dashboard
// draw the same charts the same way. Every chart has a title, axes with ticks and names, and a
// legend where there is more than one series. Text enters ECharts as data, never as HTML.
'use strict';

(function (global) {
  // Twenty colours that stay apart from one another (Tableau 20, dark tones first).
  const palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf',
    '#aec7e8', '#ffbb78', '#98df8a', '#ff9896', '#c5b0d5', '#c49c94', '#f7b6d2', '#c7c7c7', '#dbdb8d', '#9edae5'];

  // Numbers for people, as Statecraft.Core.Reporting.Numbers writes them: 2.36 bn, 12,345, 69, 0.48, 0.0012.
  function fmt(x) {
    if (x === null || x === undefined) return '—';
    if (typeof x !== 'number') return String(x);
    if (!isFinite(x)) return 'n/a';
    const a = Math.abs(x);
    const fixed = (v, d) => v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
    const scaled = v => Math.abs(v) >= 100 ? fixed(v, 0) : Math.abs(v) >= 10 ? fixed(v, 1) : fixed(v, 2);
    if (a >= 1e9) return scaled(x / 1e9) + ' bn';
    if (a >= 1e6) return scaled(x / 1e6) + ' m';
    if (a >= 1e3) return fixed(x, 0);
    if (a >= 10) return x.toFixed(0);
    if (x === Math.round(x)) return x.toFixed(0);
    if (a >= 0.1) return x.toFixed(2);
    if (a === 0) return '0';
    if (a < 1e-4) return '≈ 0';
    return Number(x.toPrecision(2)).toString();
  }

  function signed(x) { return (x > 0 ? '+' : '') + fmt(x); }

  const base = {
    animation: false,
    textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
    title: { left: 0, top: 0, textStyle: { fontSize: 14, fontWeight: 600 } },
  };

  const axisName = (name, gap) => ({ name, nameLocation: 'middle', nameGap: gap, nameTextStyle: { color: '#333' } });

  // An axis range that contains the values with some room, ending on round ticks.
  function niceRange(values, room) {
    let lo = Math.min(...values), hi = Math.max(...values);
    const span = hi - lo || Math.abs(hi) || 1;
    lo -= room * span; hi += room * span;
    const raw = (hi - lo) / 5, mag = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 2.5, 5, 10].map(m => m * mag).find(m => m >= raw);
    return { min: Math.floor(lo / step) * step, max: Math.ceil(hi / step) * step, interval: step };
  }

  // Tornado: for each input, the answer with that input at its low (5%) and at its high (95%) value,
  // the others at their medians; bars start at the central answer. Bars carry the input's value.
  function tornado(spec, width) {
    const bars = spec.bars.slice().reverse(); // largest swing on top
    const lowColour = '#c0504d', highColour = '#4f81bd';
    const rect = (colour) => (params, api) => {
      const y = api.coord([0, api.value(0)])[1];
      const x0 = api.coord([api.value(1), 0])[0];
      const x1 = api.coord([api.value(2), 0])[0];
      const h = api.size([0, 1])[1] * 0.34;
      const offset = colour === lowColour ? -h / 2 - 1 : h / 2 + 1;
      const left = Math.min(x0, x1), width = Math.max(1, Math.abs(x1 - x0));
      const label = api.value(3);
      const right = x1 >= x0;
      return {
        type: 'group',
        children: [
          { type: 'rect', shape: { x: left, y: y + offset - h / 2, width, height: h }, style: { fill: colour } },
          { type: 'text', style: { text: label, x: right ? left + width + 4 : left - 4, y: y + offset, textAlign: right ? 'left' : 'right', textVerticalAlign: 'middle', fontSize: 11, fill: '#333' } },
        ],
      };
    };
    const series = (name, colour, key, valueKey) => ({
      type: 'custom', name, renderItem: rect(colour), itemStyle: { color: colour },
      encode: { x: [1, 2], y: 0 },
      data: bars.map((b, i) => [i, spec.central, b[key], `${b[valueKey]} → ${fmt(b[key])}`]),
    });
    const range = niceRange(bars.flatMap(b => [b.at_low, b.at_high]).concat([spec.central]), 0.22);
    return {
      ...base,
      title: { ...base.title, text: spec.title, subtext: spec.subtitle || '' },
      legend: { bottom: 0, data: [spec.low_name, spec.high_name] },
      grid: { left: 10, right: 30, top: 62, bottom: 62, containLabel: true },
      xAxis: { type: 'value', ...axisName(spec.x_name, 28), ...range, axisLabel: { formatter: fmt }, splitLine: { lineStyle: { color: '#eee' } } },
      yAxis: { type: 'category', data: bars.map(b => b.name), axisTick: { show: true }, axisLine: { onZero: false }, axisLabel: { width: labelWidth(width), overflow: 'break', fontSize: 11, lineHeight: 13 } },
      series: [
        series(spec.low_name, lowColour, 'at_low', 'low_value'),
        series(spec.high_name, highColour, 'at_high', 'high_value'),
        { type: 'line', name: 'central', data: [], markLine: { symbol: 'none', silent: true, lineStyle: { color: '#000', type: 'solid' },
          label: { formatter: `central ${fmt(spec.central)}`, position: 'end' }, data: [{ xAxis: spec.central }] } },
      ],
    };
  }

  // Each actor's position round by round, by name in its own colour; the forecast as a thick dashed line.
  function trajectories(spec) {
    const rounds = (spec.forecast || (spec.actors[0] || { values: [] }).values).map((_, r) => String(r));
    const actors = spec.actors.map((a, i) => ({
      type: 'line', name: a.name, data: a.values, showSymbol: false, lineStyle: { width: 1.6 },
      itemStyle: { color: palette[i % palette.length] },
    }));
    if (spec.forecast) actors.push({ type: 'line', name: spec.forecast_name, data: spec.forecast, showSymbol: false, itemStyle: { color: '#000' }, lineStyle: { width: 3, type: 'dashed', color: '#000' }, z: 5 });
    return {
      ...base,
      title: { ...base.title, text: spec.title, subtext: spec.subtitle || '' },
      legend: { bottom: 0, left: 0, right: 0 },
      grid: { left: 40, right: 20, top: 62, bottom: 40 + 22 * Math.ceil((spec.actors.length + 1) / 5), containLabel: true },
      xAxis: { type: 'category', data: rounds, boundaryGap: false, ...axisName(spec.x_name, 26), axisTick: { show: true } },
      yAxis: { type: 'value', min: spec.y_min ?? undefined, max: spec.y_max ?? undefined, scale: spec.y_min === null || spec.y_min === undefined, ...axisName(spec.y_name, 36), axisLabel: { formatter: fmt } },
      series: actors,
    };
  }

  // Policy packages outcome by outcome: one row per package (after the responder's best response
  // where there is one), one column per question, each cell the answer's change on that question's
  // own scale, coloured by its direction for the sponsors. Nothing is averaged across scales.
  const tones = { towards: '#b7e1c1', away: '#f4b6b6', neutral: '#dde3f0', immaterial: '#f1f2f4' };
  function policies(spec, width) {
    const rows = spec.rows.slice().reverse(); // first package on top
    const cells = rows.flatMap((r, y) => r.cells.map((c, x) => [x, y, c.text, c.tone]));
    const cell = (params, api) => {
      const [x, y] = [api.value(0), api.value(1)];
      const centre = api.coord([x, y]);
      const size = api.size([1, 1]);
      const c = cells[params.dataIndex];
      return {
        type: 'group', children: [
          { type: 'rect', shape: { x: centre[0] - size[0] / 2 + 1, y: centre[1] - size[1] / 2 + 1, width: size[0] - 2, height: size[1] - 2 }, style: { fill: tones[c[3]] || tones.immaterial } },
          { type: 'text', style: { text: c[2], x: centre[0], y: centre[1], textAlign: 'center', textVerticalAlign: 'middle', fontSize: 11, fill: '#1d2430' } },
        ],
      };
    };
    const legend = Object.keys(spec.tone_names || {}).map(k => ({ name: spec.tone_names[k], itemStyle: { color: tones[k] } }));
    return {
      ...base,
      title: { ...base.title, text: spec.title, subtext: spec.subtitle || '', subtextStyle: { width: (width || 1000) - 20, overflow: 'break' } },
      legend: { bottom: 0, data: legend.map(l => l.name) },
      grid: { left: 10, right: 10, top: 84, bottom: 48, containLabel: true },
      xAxis: { type: 'category', position: 'top', data: spec.columns, ...axisName(spec.x_name, 0), nameLocation: 'end', nameGap: 8, axisTick: { show: true }, axisLabel: { interval: 0, width: Math.max(70, ((width || 1000) - labelWidth(width)) / Math.max(1, spec.columns.length) - 8), overflow: 'break', fontSize: 11, lineHeight: 13 } },
      yAxis: { type: 'category', data: rows.map(r => r.name), axisTick: { show: true }, axisLabel: { width: labelWidth(width), overflow: 'break', fontSize: 11, lineHeight: 13 } },
      series: [
        { type: 'custom', name: 'change', renderItem: cell, encode: { x: 0, y: 1 }, data: cells.map(c => [c[0], c[1]]) },
        ...legend.map(l => ({ type: 'bar', name: l.name, data: [], itemStyle: l.itemStyle })),
      ],
    };
  }

  // Category labels take at most 28% of the chart's width (260 px on a page, less in a side panel).
  function labelWidth(width) { return Math.max(90, Math.min(260, Math.round(0.28 * (width || 1000)))); }

  const builders = { tornado, trajectories, policies };

  // The ECharts option for a spec; width is the chart's width in pixels, when known.
  function option(spec, width) {
    const build = builders[spec.kind];
    if (!build) throw new Error('unknown chart kind ' + spec.kind);
    return build(spec, width);
  }

  // Draws a spec into an element; SVG by default, so charts print and zoom sharply.
  function render(el, spec, renderer) {
    const existing = global.echarts.getInstanceByDom(el);
    if (existing) existing.dispose();
    const chart = global.echarts.init(el, null, { renderer: renderer || 'svg' });
    chart.setOption(option(spec, el.clientWidth));
    return chart;
  }

  // Every element with a data-chart attribute (a spec as JSON) under root.
  function renderAll(root, renderer) {
    return [...root.querySelectorAll('[data-chart]')].map(el => render(el, JSON.parse(el.getAttribute('data-chart')), renderer));
  }

  global.StatecraftCharts = { palette, fmt, signed, option, render, renderAll };
})(typeof window !== 'undefined' ? window : globalThis);
