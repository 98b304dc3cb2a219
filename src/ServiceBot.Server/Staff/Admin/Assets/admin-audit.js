/* The Audit tab: every admin and agent action of a period (who, when, what, before and after), read-only, with
 * JSON and CSV export from GET /api/admin/audit. Nothing here edits or deletes an entry: the server has no such route. */
(function () {
  'use strict';

  // The shell keeps the signed-in token here; a download needs it in a header, as every admin request does.
  var TOKEN_KEY = 'servicebot.admin.token';
  var ACTIONS = {
    handoff: '转人工', takeover: '坐席接入', message: '坐席回复', override: '忽略风险提示', task: '代填办理信息',
    release: '释放会话', close: '结束会话', user_returned: '用户返回机器人',
    document_upload: '上传文档', document_replace: '替换文档', reindex: '重建索引'
  };
  var view = {};

  function isoDay(date) {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
  }

  function query(format) {
    return '/api/admin/audit?from=' + encodeURIComponent(view.from.value) + '&to=' + encodeURIComponent(view.to.value) + '&format=' + format;
  }

  function render(panel, admin) {
    var el = admin.el;
    view.admin = admin;
    var today = new Date();
    view.from = el('input', { id: 'audit-from', type: 'date', value: isoDay(new Date(today.getTime() - 6 * 86400000)) });
    view.to = el('input', { id: 'audit-to', type: 'date', value: isoDay(today) });
    var show = el('button', { id: 'audit-load', type: 'button', text: '查询' });
    var csv = el('button', { id: 'audit-csv', type: 'button', className: 'secondary', text: '导出 CSV' });
    var json = el('button', { id: 'audit-json', type: 'button', className: 'secondary', text: '导出 JSON' });
    show.addEventListener('click', load);
    csv.addEventListener('click', function () { download('csv'); });
    json.addEventListener('click', function () { download('json'); });
    view.status = el('p', { id: 'audit-status', className: 'status', role: 'status' });
    view.rows = el('tbody', { id: 'audit-rows' });
    panel.appendChild(el('h2', { text: '审计日志' }));
    panel.appendChild(el('p', { className: 'hint', text: '记录所有管理员和坐席操作，只读，不可修改或删除。' }));
    panel.appendChild(el('div', { className: 'actions' }, [
      el('label', { for: 'audit-from', text: '开始日期' }), view.from, el('label', { for: 'audit-to', text: '结束日期' }), view.to, show, csv, json
    ]));
    panel.appendChild(view.status);
    panel.appendChild(el('table', { id: 'audit' }, [
      el('thead', {}, [el('tr', {}, ['时间', '操作人', '操作', '对象', '详情'].map(function (h) { return el('th', { text: h }); }))]),
      view.rows
    ]));
  }

  // Opening the tab loads the default period; a query asked meanwhile must not be overwritten by that older answer.
  var latest = 0;

  async function load() {
    var admin = view.admin, el = admin.el;
    var request = ++latest;
    view.status.classList.remove('failed');
    view.status.textContent = '正在读取……';
    try {
      var entries = await admin.api('GET', query('json'));
      if (request !== latest) return;
      admin.clear(view.rows);
      entries.forEach(function (e) {
        var detail = e.before !== null || e.after !== null
          ? '变更前：' + JSON.stringify(e.before) + '；变更后：' + JSON.stringify(e.after)
          : (e.detail || '');
        if (e.cited && e.cited.length) detail += '（引用：' + e.cited.join('；') + '）';
        view.rows.appendChild(el('tr', {}, [
          el('td', { text: admin.formatTime(e.at) }), el('td', { text: e.actor }), el('td', { text: ACTIONS[e.action] || e.action }),
          el('td', { text: e.trail === 'admin' ? '管理后台' : e.trail }), el('td', { text: detail })
        ]));
      });
      view.status.textContent = '共 ' + entries.length + ' 条记录。';
    } catch (e) {
      if (request !== latest) return;
      view.status.classList.add('failed');
      view.status.textContent = '读取失败：' + e.message;
    }
  }

  async function download(format) {
    view.status.classList.remove('failed');
    try {
      var response = await fetch(query(format), { headers: { 'Authorization': 'Bearer ' + sessionStorage.getItem(TOKEN_KEY) } });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      var link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = 'audit-' + view.from.value.replace(/-/g, '') + '-' + view.to.value.replace(/-/g, '') + '.' + format;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
      view.status.textContent = '已导出 ' + link.download + '。';
    } catch (e) {
      view.status.classList.add('failed');
      view.status.textContent = '导出失败：' + e.message;
    }
  }

  AdminConsole.registerTab({ id: 'audit', title: '审计日志', order: 50, render: render, show: load });
})();
