// <samkalk-kalkyl>: embeds the calculator in a council's own page.
//   <script type="module" src="https://kommun.example/samkalk/embed.js"></script>
//   <samkalk-kalkyl scenario="am2_n=40&am3=0"></samkalk-kalkyl>
// Attributes: `src` (the calculator page; default: index.html next to this script),
// `scenario` (start values, as in the calculator's shared links), `title` (the iframe's name
// for screen readers). The calculator runs in an iframe, so the host page's styles and scripts
// cannot disturb it; the iframe takes the height the calculator reports.
const DEFAULT_SRC = new URL('index.html', import.meta.url).href;

class SamkalkKalkyl extends HTMLElement {
  static observedAttributes = ['src', 'scenario', 'title'];

  connectedCallback() {
    if (!this.frame) {
      this.frame = document.createElement('iframe');
      this.frame.style.cssText = 'display:block;width:100%;border:0;min-height:40rem';
      this.append(this.frame);
      this.onMessage = (event) => {
        if (event.source !== this.frame.contentWindow) return;
        const data = event.data;
        if (data && data.type === 'samkalk:height' && Number.isFinite(data.height)) {
          this.frame.style.height = `${Math.ceil(data.height)}px`;
        }
      };
      window.addEventListener('message', this.onMessage);
    }
    this.update();
  }

  disconnectedCallback() {
    window.removeEventListener('message', this.onMessage);
  }

  attributeChangedCallback() {
    if (this.frame) this.update();
  }

  update() {
    const url = new URL(this.getAttribute('src') || DEFAULT_SRC, document.baseURI);
    const start = new URLSearchParams(this.getAttribute('scenario') || '');
    for (const [k, v] of start) url.searchParams.set(k, v);
    url.searchParams.set('embed', '1');
    this.frame.title = this.getAttribute('title') || 'Socioekonomisk investeringskalkyl';
    if (this.frame.src !== url.href) this.frame.src = url.href;
  }
}

if (!customElements.get('samkalk-kalkyl')) customElements.define('samkalk-kalkyl', SamkalkKalkyl);
