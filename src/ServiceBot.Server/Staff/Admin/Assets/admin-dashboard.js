/* The Dashboard tab: a period's questions per day by channel, answer rates, satisfaction, the funnel of each 一件事 and
 * the most frequent unanswered questions, drawn as inline SVG from GET /api/admin/dashboard. */
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';
  var COLORS = ['#b71c1c', '#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#5d4037'];
  var CHANNELS = { api: '接口', widget: '网页', wechat: '微信', botframework: 'Bot Framework', cli: '命令行' };
  var view = {};

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function percent(share) { return share === null || share === undefined ? '—' : (share * 100).toFixed(1) + '%'; }

  function isoDay(date) {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
  }

  function render(panel, admin) {
    var el = admin.el;
    view.admin = admin;
    var today = new Date();
    view.from = el('input', { id: 'dashboard-from', type: 'date', value: isoDay(new Date(today.getTime() - 6 * 86400000)) });
    view.to = el('input', { id: 'dashboard-to', type: 'date', value: isoDay(today) });
    var go = el('button', { id: 'dashboard-load', type: 'button', text: '查询' });
    go.addEventListener('click', load);
    view.status = el('p', { id: 'dashboard-status', className: 'status', role: 'status' });
    view.cards = el('div', { id: 'dashboard-cards', className: 'cards' });
    view.days = el('div', { id: 'dashboard-days', className: 'chart' });
    view.funnels = el('div', { id: 'dashboard-funnels' });
    view.unanswered = el('tbody', { id: 'dashboard-unanswered' });
    panel.appendChild(el('h2', { text: '运营看板' }));
    panel.appendChild(el('div', { className: 'actions' }, [
      el('label', { for: 'dashboard-from', text: '开始日期' }), view.from,
      el('label', { for: 'dashboard-to', text: '结束日期' }), view.to, go
    ]));
    panel.appendChild(view.status);
    panel.appendChild(view.cards);
    panel.appendChild(el('h3', { text: '每日咨询量（按渠道）' }));
    panel.appendChild(view.days);
    panel.appendChild(el('h3', { text: '一件事办理漏斗' }));
    panel.appendChild(view.funnels);
    panel.appendChild(el('h3', { text: '高频未解答问题（前 20）' }));
    panel.appendChild(el('table', { id: 'dashboard-unanswered-table' }, [
      el('thead', {}, [el('tr', {}, ['问题', '次数', '最近提问'].map(function (h) { return el('th', { text: h }); }))]),
      view.unanswered
    ]));
  }

  // Opening the tab loads the default period; a query asked meanwhile must not be overwritten by that older answer.
  var latest = 0;

  async function load() {
    var admin = view.admin;
    var request = ++latest;
    view.status.classList.remove('failed');
    view.status.textContent = '正在统计……';
    try {
      var report = await admin.api('GET', '/api/admin/dashboard?from=' + encodeURIComponent(view.from.value) + '&to=' + encodeURIComponent(view.to.value));
      if (request !== latest) return;
      drawCards(report);
      drawDays(report.days);
      drawFunnels(report.funnels);
      drawUnanswered(report.unanswered);
      view.status.textContent = report.from + ' 至 ' + report.to + '（北京时间），共 ' + report.totals.turns + ' 轮对话、' + report.totals.conversations + ' 个会话。';
    } catch (e) {
      if (request !== latest) return;
      view.status.classList.add('failed');
      view.status.textContent = '统计失败：' + e.message;
    }
  }

  function drawCards(report) {
    var el = view.admin.el, t = report.totals, r = report.rates, s = report.satisfaction;
    view.admin.clear(view.cards);
    [
      ['questions', '政策咨询', String(t.questions)],
      ['grounded', '有据答复率', percent(r.grounded)],
      ['refusal', '拒答率', percent(r.refusal)],
      ['out-of-scope', '超出范围', percent(r.outOfScope)],
      ['handoff', '转人工率', percent(r.handoff)],
      ['satisfaction', '满意度（点赞占比）', percent(s.rate) + '（' + s.up + ' 赞 / ' + s.down + ' 踩）']
    ].forEach(function (c) {
      view.cards.appendChild(el('div', { className: 'card', id: 'card-' + c[0] }, [
        el('div', { className: 'card-label', text: c[1] }), el('div', { className: 'card-value', text: c[2] })
      ]));
    });
  }

  /** Stacked bars, one per day, a colour per channel; the legend names the channels. */
  function drawDays(days) {
    view.admin.clear(view.days);
    var channels = [];
    days.forEach(function (d) { Object.keys(d.channels).forEach(function (c) { if (channels.indexOf(c) < 0) channels.push(c); }); });
    var max = Math.max(1, Math.max.apply(null, days.map(function (d) { return d.total; })));
    var width = Math.max(320, days.length * 48 + 60), height = 220, left = 40, bottom = 30, top = 10;
    var barWidth = Math.min(32, (width - left - 10) / Math.max(1, days.length) - 8);
    var chart = svg('svg', { width: width, height: height, role: 'img', 'aria-label': '每日咨询量' });
    chart.appendChild(svg('line', { x1: left, y1: height - bottom, x2: width - 5, y2: height - bottom, stroke: '#999' }));
    chart.appendChild(svg('text', { x: left - 6, y: top + 10, 'text-anchor': 'end', 'font-size': 11 }, String(max)));
    chart.appendChild(svg('text', { x: left - 6, y: height - bottom, 'text-anchor': 'end', 'font-size': 11 }, '0'));
    days.forEach(function (d, i) {
      var x = left + 8 + i * ((width - left - 10) / days.length);
      var y = height - bottom;
      channels.forEach(function (c, ci) {
        var n = d.channels[c] || 0;
        if (!n) return;
        var h = n / max * (height - bottom - top);
        y -= h;
        var bar = svg('rect', { x: x, y: y, width: barWidth, height: h, fill: COLORS[ci % COLORS.length], 'data-day': d.date, 'data-channel': c });
        bar.appendChild(svg('title', {}, d.date + ' ' + (CHANNELS[c] || c) + '：' + n));
        chart.appendChild(bar);
      });
      if (d.total) chart.appendChild(svg('text', { x: x + barWidth / 2, y: y - 2, 'text-anchor': 'middle', 'font-size': 11 }, String(d.total)));
      chart.appendChild(svg('text', { x: x + barWidth / 2, y: height - 12, 'text-anchor': 'middle', 'font-size': 10 }, d.date.slice(5)));
    });
    view.days.appendChild(chart);
    var legend = view.admin.el('div', { className: 'legend' });
    channels.forEach(function (c, ci) {
      legend.appendChild(view.admin.el('span', { className: 'legend-item' }, [
        view.admin.el('span', { className: 'swatch', style: 'background:' + COLORS[ci % COLORS.length] }), CHANNELS[c] || c
      ]));
    });
    if (!channels.length) legend.appendChild(view.admin.el('span', { className: 'hint', text: '该时段没有对话。' }));
    view.days.appendChild(legend);
  }

  /** One horizontal bar chart per task: started → all slots → confirmed → submitted, then where runs stopped. */
  function drawFunnels(funnels) {
    var el = view.admin.el;
    view.admin.clear(view.funnels);
    if (!funnels.length) { view.funnels.appendChild(el('p', { className: 'hint', text: '该时段没有办理事项。' })); return; }
    funnels.forEach(function (f) {
      var steps = [['开始办理', f.started], ['信息填齐', f.allSlots], ['确认提交', f.confirmed], ['受理成功', f.submitted]];
      var width = 520, row = 26, label = 90;
      var chart = svg('svg', { width: width, height: steps.length * row + 4, role: 'img', 'aria-label': f.displayName + '办理漏斗', 'data-task': f.task });
      steps.forEach(function (s, i) {
        var w = f.started ? s[1] / f.started * (width - label - 60) : 0;
        chart.appendChild(svg('text', { x: 0, y: i * row + 17, 'font-size': 12 }, s[0]));
        chart.appendChild(svg('rect', { x: label, y: i * row + 4, width: Math.max(w, 1), height: row - 8, fill: COLORS[i] }));
        chart.appendChild(svg('text', { x: label + w + 6, y: i * row + 17, 'font-size': 12 }, String(s[1])));
      });
      var abandoned = f.abandoned.map(function (a) { return (a.label || '未开始填写') + ' ' + a.runs; }).join('，');
      view.funnels.appendChild(el('div', { className: 'funnel' }, [
        el('h4', { text: f.displayName }), chart,
        el('p', { className: 'hint', text: '中途放弃（按最后询问的信息项）：' + (abandoned || '无') })
      ]));
    });
  }

  function drawUnanswered(questions) {
    var el = view.admin.el;
    view.admin.clear(view.unanswered);
    if (!questions.length) view.unanswered.appendChild(el('tr', {}, [el('td', { colspan: '3', className: 'hint', text: '没有未解答的问题。' })]));
    questions.forEach(function (q) {
      view.unanswered.appendChild(el('tr', {}, [
        el('td', { text: q.question }), el('td', { text: String(q.count) }), el('td', { text: view.admin.formatTime(q.lastAskedAt) })
      ]));
    });
  }

  AdminConsole.registerTab({ id: 'dashboard', title: '运营看板', order: 40, render: render, show: load });
})();
