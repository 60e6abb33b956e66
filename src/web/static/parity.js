// Progressive enhancement only: every page works without this file.
import { initAll } from '/static/nhsuk/nhsuk-frontend.min.js';

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
initAll();
