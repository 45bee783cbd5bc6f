import { render } from 'preact';
import { browser } from 'wxt/browser';
import { glossary } from '../../assets/generated/glossary';
import { Popup } from '../../components/popup/Popup';

const root = document.getElementById('app');
if (root) {
  render(
    <Popup
      entryCount={glossary.entries.length}
      documentCount={glossary.documents.length}
      sourceUrl={browser.runtime.getURL('/source.html')}
    />,
    root,
  );
}
