// htm bound to Preact: tagged templates instead of JSX, so the browser runs the source as written.
// Text and attribute values are set through the DOM, never parsed as markup, so user text cannot inject HTML.
import { h } from 'preact';
import htm from 'htm';

export const html = htm.bind(h);
