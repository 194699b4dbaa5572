// The demo host's own script (external: the page's CSP forbids inline script). It only listens
// to the widgets' `analyzed` events and offers two buttons that exercise re-analysis.
const log = document.querySelector('#events');

document.addEventListener('analyzed', (event) => {
  const widget = event.target;
  const s = event.detail.statistics;
  const li = document.createElement('li');
  li.textContent = `${widget.getAttribute('for')}: ${s.words} words, ${s.sentences} sentences, ${event.detail.entities.length} entity mentions`;
  log.prepend(li);
});

document.querySelector('#toggle-theme').addEventListener('click', () => {
  const widget = document.querySelector('article-analyzer[for="story-en"]');
  widget.setAttribute('theme', widget.getAttribute('theme') === 'dark' ? 'light' : 'dark');
});

document.querySelector('#edit-en').addEventListener('click', () => {
  const p = document.createElement('p');
  p.textContent = 'Officials in Oakville said the library would stay open late on Fridays.';
  document.querySelector('#story-en').append(p);
});
