/**
 * Vite plugin (build only): writes the first screen's HTML into index.html's #root, so the page
 * paints (FCP, LCP) from the HTML and CSS alone, before the JavaScript has arrived; src/main.tsx
 * then hydrates it instead of rendering from nothing. prerender-app.tsx renders the App tree in
 * Node through Vite's module runner, with the app's own virtual modules (first-screen-plugin).
 *
 * English is in #root, Spanish as the text of a <script type="text/html"> (inert()); a small
 * inline script right after #root picks the language the app itself would pick (saved choice, else the browser's: appStore.ts' initialLang)
 * and, when the address asks for another scenario than the default (a share link, ?scenario=,
 * ?compare=: lazyLoader.ts' opensOnDefault), empties #root so that no other scenario flashes.
 * Until hydration it also holds clicks on the page's controls (a button, a link, a tab), which
 * nothing would answer yet, and src/Root.tsx replays them once React has taken the page over.
 */
import { createServer } from 'vite';
import { firstScreenPlugin } from './first-screen-plugin.mjs';

/**
 * The inline script. Keep in step with initialLang (src/store/appStore.ts), browserLang
 * (src/i18n/translate.ts) and opensOnDefault (src/app/lazyLoader.ts).
 * @param {string} defaultId the default built-in scenario's id
 */
function chooser(defaultId) {
  const body = `(function(){var r=document.getElementById('root'),l='en';
try{var s=localStorage.getItem('microsim.lang');if(s==='en'||s==='es')l=s;else throw 0}catch(e){
var ls=navigator.languages||[navigator.language];for(var i=0;i<ls.length;i++){var b=String(ls[i]).toLowerCase().slice(0,2);if(b==='es'||b==='en'){l=b;break}}}
var q=new URLSearchParams(location.search),h=location.hash.replace(/^#/,'');
if((h!==''&&h!=='s='+encodeURIComponent(${JSON.stringify(defaultId)}))||q.has('scenario')||q.has('compare')){r.textContent='';return}
document.documentElement.classList.add('prerendered');var q2=window.__earlyClicks=[];window.__earlyListener=function(e){if(!document.documentElement.classList.contains('prerendered'))return;var t=e.target instanceof Element&&e.target.closest('button,a,label,summary,[role=button],[role=tab]');if(!t)return;e.preventDefault();e.stopPropagation();q2.push(t)};document.addEventListener('click',window.__earlyListener,true);if(l==='es'){r.innerHTML=document.getElementById('prerender-es').textContent;document.documentElement.lang='es'}})()`;
  return body.replace(/\n/g, '');
}

/**
 * Stylesheets play no part in the markup (the build bundles them as usual); Vite's CSS plugin
 * cannot run inside the module runner, so every .css import resolves to an empty module there.
 * @type {import('vite').Plugin}
 */
const noCss = {
  name: 'microsim:prerender-no-css',
  enforce: 'pre',
  resolveId: (id) => (/\.css($|\?)/.test(id) ? '\0prerender-empty-css' : undefined),
  load: (id) => (id === '\0prerender-empty-css' ? 'export default {}' : undefined),
};

/**
 * Runs the entry module once the prerendered page has painted: when the paint's timing entry is
 * there (the browser gives it once the frame is on screen), a frame later. Nothing fetches it
 * before: the HTML asks for no script, so the first paint shares the network with nothing (as
 * modulepreload links in the head, the entry and its imports, 170 KB, shared slow 4G with the
 * HTML, and Lighthouse counted them on the first paint's path). Then the entry and every chunk it
 * imports are requested together (modulepreload links: fetched and compiled, not run, so no
 * waterfall of imports), and run in stages, each in a task of its own: the libraries' chunk
 * (React Flow, d3), react-dom (its body runs where it is first required: src/boot/reactDom.ts),
 * then the entry (the app, hydration); see vite.config.ts. One task of 530 KB was a long one on
 * a slow phone (Lighthouse counts each task's time over 50 ms at 4x CPU as blocking). A tab
 * opened in the background draws no frames, so there it starts at once; the timeout is a last
 * resort.
 * @param {string[]} stages the chunks run before the entry, in order, each in a task of its own
 * @param {string} src the entry chunk's URL
 * @param {string[]} deps the chunks the entry imports
 */
function afterPaint(stages, src, deps) {
  const all = [...new Set([...stages, ...deps, src])];
  return (
    `let go=()=>{go=()=>{};for(const h of ${JSON.stringify(all)}){const l=document.createElement('link');l.rel='modulepreload';l.crossOrigin='';l.href=h;document.head.append(l)}` +
    `const s=${JSON.stringify([...stages, src])},run=(i)=>{if(s.length>i){const n=()=>setTimeout(()=>run(i+1));import(s[i]).then(n,n)}};run(0)};` +
    `const later=()=>requestAnimationFrame(()=>setTimeout(()=>go()));if(document.visibilityState==='hidden')go();` +
    `else try{new PerformanceObserver((l,o)=>{o.disconnect();later()}).observe({type:'paint',buffered:true})}catch(e){later()}setTimeout(()=>go(),3000)`
  );
}

/**
 * The chunks index.html's inline script runs before the entry, in this order (vite.config.ts
 * names them): the libraries' chunk, then react-dom's first require (an entry of its own).
 * @param {import('vite').Rollup.OutputBundle | undefined} bundle
 * @returns {string[]}
 */
function stagesOf(bundle) {
  const chunks = Object.values(bundle ?? {}).filter((c) => c.type === 'chunk');
  return ['vendor', 'boot-react-dom'].flatMap((name) => {
    const chunk = chunks.find((c) => c.name === name);
    return chunk ? ['/' + chunk.fileName] : [];
  });
}

/**
 * The entry's stylesheet, inlined into index.html: the first paint needs it, and as a <link> it
 * costs a round trip after the HTML (Lighthouse: render-blocking, about 200 ms on slow 4G).
 * @param {string} html
 * @param {import('vite').Rollup.OutputBundle | undefined} bundle
 */
function inlineCss(html, bundle) {
  return html.replace(/<link rel="stylesheet" crossorigin href="\/([^"]+\.css)">/g, (tag, file) => {
    const asset = bundle?.[file];
    if (asset?.type !== 'asset') return tag;
    return `<style>${String(asset.source)}</style>`;
  });
}

/**
 * The Spanish first screen as the text of a `<script type="text/html">`, which the parser keeps as
 * text: an English reader's browser builds no tree for it (in a <template> it did: as many
 * elements again as the page, on the first paint's path), and a Spanish reader's parses it once,
 * where the inline script puts it into #root (a template's tree was serialized, then parsed).
 * @param {string} html
 */
function inert(html) {
  // Script text ends at "</script" and changes state at "<script" (after "<!--"); React's markup has neither.
  if (/<\/?script/i.test(html)) throw new Error('prerender: the Spanish first screen contains a <script>, which cannot be kept as script text');
  return html;
}

/** Vite's preload of a chunk the entry imports, in index.html's head. */
const PRELOAD = /\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g;

/** @returns {import('vite').Plugin} */
export function prerenderPlugin() {
  return {
    name: 'microsim:prerender',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        const app = new URL('./prerender-app.tsx', import.meta.url).pathname;
        // A server of its own (not runnerImport, which closes its runner as soon as the entry is
        // imported): rendering loads the lazy parts (tour, narration) through import().
        const server = await createServer({
          configFile: false,
          logLevel: 'warn',
          appType: 'custom',
          server: { middlewareMode: true, hmr: false, ws: false },
          plugins: [firstScreenPlugin(), noCss],
        });
        let en, es, defaultId;
        try {
          const module = /** @type {typeof import('./prerender-app')} */ (await server.ssrLoadModule(app));
          en = await module.firstScreenHtml('en');
          es = await module.firstScreenHtml('es');
          defaultId = module.DEFAULT_SCENARIO;
        } finally {
          await server.close();
        }
        const root = '<div id="root"></div>';
        if (!html.includes(root)) throw new Error('prerender: index.html has no empty <div id="root"></div>');
        const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html);
        if (!entry) throw new Error('prerender: index.html has no entry <script type="module">');
        // The entry's imports, which Vite preloads from the head: afterPaint asks for them instead.
        const deps = [...html.matchAll(PRELOAD)].map((m) => m[1] ?? '');
        return inlineCss(html, ctx.bundle)
          // The first paint waits for the whole first screen and the language's choice (the
          // chooser ran): drawn while the parser was halfway through #root, the page showed a part
          // of it, then moved it (layout shift), or showed English to a Spanish reader.
          .replace('</title>', '</title>\n    <link rel="expect" href="#prerender-chooser" blocking="render">')
          .replace(entry[0], '')
          .replace(PRELOAD, '')
          .replace(
            root,
            `<div id="root">${en}</div><script type="text/html" id="prerender-es">${inert(es)}</script><script id="prerender-chooser">${chooser(defaultId)}</script>` +
              `<script type="module">${afterPaint(stagesOf(ctx.bundle), entry[1] ?? '', deps)}</script>`,
          );
      },
    },
  };
}
