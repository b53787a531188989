(function () {
  'use strict';
  var data = window.QPS_REPORT;
  var COLORS = ['#3366cc', '#dc3912', '#ff9900', '#109618', '#990099', '#1d2330'];

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return e;
  }

  function verdictBadge(v) {
    var cls = v === 'PASS' ? 'pass' : v === 'FAIL' ? 'fail' : 'none';
    return el('span', {'class': 'badge ' + cls}, [v || 'n/a']);
  }

  function fmt(v, digits) {
    if (v === null || v === undefined) { return '\u2013'; }
    if (typeof v === 'number') { return v.toLocaleString('en-US', {maximumFractionDigits: digits, minimumFractionDigits: digits}); }
    return String(v);
  }

  function pct(v) { return v === null || v === undefined ? '\u2013' : fmt(100 * v, 2) + '%'; }

  function chart(id, option) {
    var c = echarts.init(document.getElementById(id), null, {renderer: 'canvas'});
    option.animation = false;
    option.color = COLORS;
    c.setOption(option);
    window.addEventListener('resize', function () { c.resize(); });
    return c;
  }

  function timeSeries(field) {
    return data.books.map(function (b) {
      return {name: b.book, type: 'line', showSymbol: false, sampling: 'lttb', data: b[field],
              lineStyle: {width: b.book === 'TOTAL' ? 2.5 : 1.2}, areaStyle: field === 'underwater' ? {opacity: 0.12} : undefined};
    });
  }

  function lineOption(series, yName) {
    return {
      tooltip: {trigger: 'axis'},
      legend: {top: 0},
      grid: {left: 70, right: 30, top: 40, bottom: 60},
      xAxis: {type: 'time'},
      yAxis: {type: 'value', name: yName, scale: true},
      dataZoom: [{type: 'inside'}, {type: 'slider', height: 18, bottom: 10}],
      series: series
    };
  }

  document.getElementById('subtitle').textContent = 'session ' + data.session + ' \u00b7 run ' + data.run
      + ' \u00b7 digest ' + data.digest + ' \u00b7 ' + data.pnl_definition;

  // replication panel
  (function () {
    var r = data.replication, panel = document.getElementById('replication-panel');
    var head = el('p', {}, ['live = replay = reference engine: ', verdictBadge(r.verdict)]);
    if (r.pnl_match) { head.appendChild(document.createTextNode('  pnl_match: ')); head.appendChild(verdictBadge(r.pnl_match)); }
    panel.appendChild(head);
    if (r.runs) {
      var t = el('table', {}, [el('tr', {}, [el('th', {}, ['role']), el('th', {}, ['run']), el('th', {}, ['digest (SHA-256 of the canonical outputs)'])])]);
      Object.keys(r.runs).forEach(function (role) {
        var run = r.runs[role];
        t.appendChild(el('tr', {}, [el('td', {}, [role]), el('td', {}, [run]),
          el('td', {'class': 'mono'}, [(r.digests && r.digests[run]) || '\u2013'])]));
      });
      panel.appendChild(t);
    }
    if (r.comparisons) {
      var p = el('p', {}, []);
      Object.keys(r.comparisons).forEach(function (k) {
        p.appendChild(document.createTextNode(k.replace(/_/g, ' ') + ': '));
        p.appendChild(verdictBadge(r.comparisons[k]));
        p.appendChild(document.createTextNode('   '));
      });
      panel.appendChild(p);
    }
    Object.keys(r.divergences || {}).forEach(function (k) {
      (r.divergences[k] || []).forEach(function (d) {
        var box = el('div', {'class': 'divergence'}, [
          el('strong', {}, [k.replace(/_/g, ' ') + ': first divergence in ' + d.topic + ' (' + d.strategy + '), causal key ' + d.causal_key + ', input seq ' + d.seq]),
          el('div', {}, ['differing fields: ' + (d.differing_fields || []).join(', ')]),
          el('pre', {}, ['expected (' + d.expected_run + '): ' + d.expected + '\nactual   (' + d.actual_run + '): ' + d.actual])
        ]);
        var chain = d.chain || {}, lines = ['input event: ' + chain.input_event];
        Object.keys(chain).forEach(function (run) {
          if (run === 'input_event') { return; }
          Object.keys(chain[run]).forEach(function (topic) {
            chain[run][topic].forEach(function (line) { lines.push(run + ' ' + topic + ': ' + line); });
          });
        });
        var details = el('details', {}, [el('summary', {}, ['causal chain (input event \u2192 orders \u2192 fills \u2192 positions \u2192 PnL), '
            + (lines.length - 1) + ' output lines']), el('pre', {}, [lines.join('\n')])]);
        if (!panel.querySelector('.divergence')) { details.setAttribute('open', ''); }
        box.appendChild(details);
        panel.appendChild(box);
      });
    });
    if (r.provenance) {
      panel.appendChild(el('p', {'class': 'note'}, ['dataset sha256 ' + r.provenance.dataset_sha256 + ' \u00b7 config hash '
        + r.provenance.config_hash + ' \u00b7 qps ' + r.provenance.qps_version + ' \u00b7 seed ' + r.provenance.seed
        + ', ' + r.provenance.days + ' days']));
    }
  })();

  chart('chart-equity', lineOption(timeSeries('equity'), 'USD'));
  chart('chart-underwater', lineOption(timeSeries('underwater'), 'USD'));

  var h = data.hourly;
  document.getElementById('histogram-note').textContent = 'Hourly returns on each strategy\'s capital, basis points, '
      + h.hours + ' hours (hourly, not daily: a run of a few days has too few days for a distribution).';
  chart('chart-histogram', {
    tooltip: {trigger: 'axis'}, legend: {top: 0},
    grid: {left: 50, right: 20, top: 40, bottom: 50},
    xAxis: {type: 'category', data: h.histogram.bins_bp, name: 'bp', nameLocation: 'middle', nameGap: 30},
    yAxis: {type: 'value', name: 'hours'},
    series: Object.keys(h.histogram.counts).map(function (k) {
      return {name: k, type: 'bar', data: h.histogram.counts[k], barGap: '0%'};
    })
  });
  var names = h.correlation.books;
  chart('chart-correlation', {
    tooltip: {position: 'top'},
    grid: {left: 140, right: 20, top: 10, bottom: 90},
    xAxis: {type: 'category', data: names, axisLabel: {rotate: 30}},
    yAxis: {type: 'category', data: names},
    visualMap: {min: -1, max: 1, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
                inRange: {color: ['#2166ac', '#f7f7f7', '#b2182b']}},
    series: [{type: 'heatmap', data: h.correlation.cells.filter(function (c) { return c[2] !== null; }),
              label: {show: true}}]
  });
  document.getElementById('rolling-note').textContent = 'Sharpe ratio of the trailing ' + h.rolling_window_hours
      + ' hourly returns, annualized by sqrt(' + data.conventions.days_per_year + ' x 24), risk-free rate 0.';
  chart('chart-rolling-sharpe', lineOption(Object.keys(h.rolling_sharpe).map(function (k) {
    return {name: k, type: 'line', showSymbol: false, connectNulls: false, data: h.rolling_sharpe[k]};
  }), 'Sharpe'));

  // statistics table
  (function () {
    var cols = [['book', 'book'], ['total_pnl', 'PnL $', 2], ['total_return', 'return', 'pct'],
      ['annualized_return', 'ann. return', 'pct'], ['annualized_volatility', 'ann. vol', 'pct'],
      ['sharpe', 'Sharpe', 2], ['sortino', 'Sortino', 2], ['calmar', 'Calmar', 2],
      ['sharpe_intraday_1m', 'Sharpe 1m', 2], ['max_drawdown', 'max DD $', 2], ['max_drawdown_pct', 'max DD', 'pct'],
      ['max_drawdown_duration_seconds', 'DD hours', 'hours'], ['exposure', 'exposure', 'pct'],
      ['hit_rate', 'hit rate', 'pct'], ['profit_factor', 'profit factor', 2], ['turnover', 'turnover', 2],
      ['round_trips', 'round trips', 0], ['fills', 'fills', 0], ['days', 'days', 0]];
    var t = document.getElementById('stats-table');
    t.appendChild(el('tr', {}, cols.map(function (c) { return el('th', {}, [c[1]]); })));
    data.statistics.forEach(function (s) {
      t.appendChild(el('tr', {}, cols.map(function (c) {
        var v = s[c[0]];
        var text = c[2] === 'pct' ? pct(v) : c[2] === 'hours' ? fmt(v / 3600, 1) : c.length > 2 ? fmt(v, c[2]) : v;
        return el('td', {}, [text]);
      })));
    });
    var ul = document.getElementById('conventions');
    data.conventions.definitions.forEach(function (d) { ul.appendChild(el('li', {}, [d])); });
  })();

  // fills blotter
  (function () {
    var f = data.fills, select = document.getElementById('fills-filter'), table = document.getElementById('fills-table');
    select.appendChild(el('option', {value: ''}, ['all strategies']));
    f.strategies.forEach(function (s) { select.appendChild(el('option', {value: s}, [s])); });
    var cols = ['seq', 'time', 'strategy', 'symbol', 'side', 'quantity', 'price', 'liquidity', 'fee'];
    function show() {
      var s = select.value;
      var rows = f.rows.filter(function (r) { return !s || r.strategy === s; }).slice(0, f.limit);
      while (table.firstChild) { table.removeChild(table.firstChild); }
      table.appendChild(el('tr', {}, cols.map(function (c) { return el('th', {}, [c]); })));
      rows.forEach(function (r) {
        table.appendChild(el('tr', {}, cols.map(function (c) { return el('td', {}, [String(r[c])]); })));
      });
      document.getElementById('fills-note').textContent = 'showing the first ' + rows.length + ' fills'
          + (s ? ' of ' + s : '') + ' (at most ' + f.limit + '; ' + f.total + ' fills in the run)';
    }
    select.addEventListener('change', show);
    show();
  })();
})();
