/*
 * The Knowledge tab: the indexed documents with their validity, clause count and last change; uploading or replacing a
 * document (Markdown, Word, PDF); re-indexing with a progress bar. Uploads take effect after re-indexing, without a restart.
 */
(function () {
  'use strict';

  var VALIDITY = { current: '现行有效', expired: '已失效', superseded: '已被替代', not_yet_effective: '尚未施行' };
  var TYPES = { policy: '政策文件', law: '法律法规', news: '新闻', guide: '办事指南' };
  // Listed but never uploaded: curated answers are written from the review queue.
  var LISTED_TYPES = Object.assign({ qa: '精选答复' }, TYPES);
  var STAGES = { discovering: '查找文件', reading: '读取文件', indexing: '建立索引', embedding: '计算向量', saving: '保存索引', done: '完成' };
  var POLL_MS = 500;

  var view = {};

  function field(el, id, label, input) {
    return [el('label', { 'for': id, text: label }), input];
  }

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

    var type = el('select', { id: 'upload-type', name: 'type' }, Object.keys(TYPES).map(function (k) { return el('option', { value: k, text: TYPES[k] }); }));
    view.replaces = el('select', { id: 'upload-replaces', name: 'replaces' });
    view.form = el('form', { id: 'upload-form', className: 'form-grid' }, [].concat(
      field(el, 'upload-file', '文件', el('input', { id: 'upload-file', name: 'file', type: 'file', accept: '.md,.markdown,.docx,.pdf', required: '' })),
      field(el, 'upload-title', '标题', el('input', { id: 'upload-title', name: 'title', type: 'text', maxlength: '200', placeholder: '不填则取文件中的标题' })),
      field(el, 'upload-type', '类型', type),
      field(el, 'upload-effective', '施行日期', el('input', { id: 'upload-effective', name: 'effective', type: 'date' })),
      field(el, 'upload-expires', '失效日期', el('input', { id: 'upload-expires', name: 'expires', type: 'date' })),
      field(el, 'upload-superseded', '被替代为', el('input', { id: 'upload-superseded', name: 'supersededBy', type: 'text', maxlength: '200', placeholder: '替代本文件的文件标题（可不填）' })),
      field(el, 'upload-replaces', '替换', view.replaces),
      [el('span'), el('div', { className: 'actions' }, [el('button', { id: 'upload', type: 'submit', text: '上传' })])]
    ));
    view.form.addEventListener('submit', upload);
    view.uploadStatus = el('p', { id: 'upload-status', className: 'status', role: 'alert' });
    panel.appendChild(el('h3', { text: '上传或替换文档' }));
    panel.appendChild(el('p', { className: 'hint', text: '支持 Markdown（.md）、Word（.docx）和 PDF（.pdf）。正文按“一、”“（一）”“第X条”等结构切分为条款；上传后需重新索引才能被检索。' }));
    panel.appendChild(view.form);
    panel.appendChild(view.uploadStatus);

    view.reindexButton = el('button', { id: 'reindex', type: 'button', text: '重新索引' });
    view.reindexButton.addEventListener('click', reindex);
    view.progress = el('progress', { id: 'reindex-progress', max: '100', value: '0', 'aria-label': '索引进度' });
    view.reindexStatus = el('p', { id: 'reindex-status', className: 'status', role: 'status' });
    panel.appendChild(el('h3', { text: '重新索引' }));
    panel.appendChild(el('div', { className: 'actions' }, [view.reindexButton, view.progress]));
    panel.appendChild(view.reindexStatus);
  }

  async function load() {
    var admin = view.admin, el = admin.el;
    view.status.textContent = '正在读取……';
    try {
      var documents = await admin.api('GET', '/api/admin/documents');
      admin.clear(view.rows);
      admin.clear(view.replaces);
      view.replaces.appendChild(el('option', { value: '', text: '（新文档）' }));
      documents.forEach(function (d) {
        view.rows.appendChild(el('tr', {}, [
          el('td', { text: d.source }),
          el('td', { text: LISTED_TYPES[d.type] || d.type || '—' }),
          el('td', {}, [el('span', { className: 'badge ' + d.validity, text: VALIDITY[d.validity] || d.validity }),
            d.supersededBy ? el('span', { className: 'hint', text: ' 由《' + d.supersededBy + '》替代' }) : null]),
          el('td', { text: d.effective || '—' }),
          el('td', { text: d.expires || '—' }),
          el('td', { text: String(d.clauses) }),
          el('td', { text: admin.formatTime(d.updatedAt) })
        ]));
        if (d.replaceable) view.replaces.appendChild(el('option', { value: d.id, text: d.source }));
      });
      view.status.textContent = '共 ' + documents.length + ' 篇文档。';
    } catch (e) {
      view.status.textContent = '读取失败：' + e.message;
    }
    try { showProgress(await admin.api('GET', '/api/admin/reindex')); } catch (e) { /* shown on the next action */ }
  }

  async function upload(event) {
    event.preventDefault();
    var status = view.uploadStatus;
    var data = new FormData(view.form);
    var file = data.get('file');
    if (!file || !file.name) { status.className = 'status failed'; status.textContent = '请选择文件。'; return; }
    status.className = 'status';
    status.textContent = '正在上传……';
    try {
      var saved = await view.admin.api('POST', '/api/admin/documents', data);
      status.textContent = (saved.replaced ? '已替换' : '已上传') + '《' + saved.source + '》，共 ' + saved.clauses + ' 个条款。重新索引后生效。';
      view.form.reset();
    } catch (e) {
      status.className = 'status failed';
      status.textContent = '上传失败：' + e.message;
    }
  }

  async function reindex() {
    view.reindexButton.disabled = true;
    try {
      showProgress(await view.admin.api('POST', '/api/admin/reindex'));
      poll();
    } catch (e) {
      view.reindexButton.disabled = false;
      view.reindexStatus.className = 'status failed';
      view.reindexStatus.textContent = '无法开始重新索引：' + e.message;
    }
  }

  async function poll() {
    var status;
    try { status = await view.admin.api('GET', '/api/admin/reindex'); } catch (e) { setTimeout(poll, POLL_MS * 2); return; }
    showProgress(status);
    if (status.state === 'running') { setTimeout(poll, POLL_MS); return; }
    if (status.state === 'succeeded') load();
  }

  function showProgress(status) {
    var text = view.reindexStatus;
    view.progress.value = status.percent || 0;
    text.className = 'status' + (status.state === 'failed' ? ' failed' : '');
    view.reindexButton.disabled = status.state === 'running';
    if (status.state === 'running') {
      text.textContent = '正在' + (STAGES[status.stage] || '处理') +
        (status.filesTotal ? '（' + status.filesDone + '/' + status.filesTotal + ' 个文件）' : '') + '…… ' + status.percent + '%';
    } else if (status.state === 'succeeded') {
      var r = status.report;
      text.textContent = '索引完成：' + r.filesSeen + ' 个文件，新增 ' + r.added + '，修改 ' + r.changed + '，删除 ' + r.removed +
        '，共 ' + r.chunks + ' 个条款。新索引已生效。' +
        (r.failures.length ? ' 有 ' + r.failures.length + ' 个文件未能导入：' + r.failures.map(function (f) { return f.file + '（' + f.reason + '）'; }).join('；') : '');
      if (r.failures.length) text.className = 'status failed';
    } else if (status.state === 'failed') {
      text.textContent = status.error || '重新索引失败。';
    } else {
      text.textContent = '';
    }
  }

  AdminConsole.registerTab({ id: 'knowledge', title: '知识库', order: 10, render: render, show: load });
})();
