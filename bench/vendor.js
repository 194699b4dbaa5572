// The JavaScript baselines, bundled for the browser by esbuild into target/bench/vendor.js
// (wink-nlp is CommonJS, so the page cannot import it directly). Not shipped with the page.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import nlp from 'compromise';

export { winkNLP, model, nlp };
