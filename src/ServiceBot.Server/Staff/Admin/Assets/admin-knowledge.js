/* The Knowledge tab: the indexed documents with their validity, clause count and last change. */
(function () {
  'use strict';

  var VALIDITY = { current: '现行有效', expired: '已失效', superseded: '已被替代', not_yet_effective: '尚未施行' };
  var TYPES = { policy: '政策文件', law: '法律法规', news: '新闻', guide: '办事指南' };

  var view = {};

  function render(panel, admin) {
    var el = admin.el;
    view.admin = admin;
    view.status = el('p', { id: 'documents-status', className: 'status', role: 'status' });
    view.rows = el('tbody', { id: 'documents-rows' });
    panel.appendChild(el('h2', { text: '知识文档' }));
    panel.appendChild(view.status);
    panel.appendChild(el('table', { id: 'documents' }, [
      el('thead', {}, [el('tr', {}, ['文档', '类型', '效力', '施行日期', '失效日期', '条款数', '最后修改'].map(function (h) { return el('th', { text: h }); }))]),
      view.rows
    ]));
  }

  async function load() {
    var admin = view.admin, el = admin.el;
    view.status.textContent = '正在读取……';
    try {
      var documents = await admin.api('GET', '/api/admin/documents');
      admin.clear(view.rows);
      documents.forEach(function (d) {
        view.rows.appendChild(el('tr', {}, [
          el('td', { text: d.source }),
          el('td', { text: TYPES[d.type] || d.type || '—' }),
          el('td', {}, [el('span', { className: 'badge ' + d.validity, text: VALIDITY[d.validity] || d.validity }),
            d.supersededBy ? el('span', { className: 'hint', text: ' 由《' + d.supersededBy + '》替代' }) : null]),
          el('td', { text: d.effective || '—' }),
          el('td', { text: d.expires || '—' }),
          el('td', { text: String(d.clauses) }),
          el('td', { text: admin.formatTime(d.updatedAt) })
        ]));
      });
      view.status.textContent = '共 ' + documents.length + ' 篇文档。';
    } catch (e) {
      view.status.textContent = '读取失败：' + e.message;
    }
  }

  AdminConsole.registerTab({ id: 'knowledge', title: '知识库', order: 10, render: render, show: load });
})();
