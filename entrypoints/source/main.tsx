import { render } from 'preact';
import { glossary } from '../../assets/generated/glossary';
import { SourceViewer } from '../../components/source/SourceViewer';
import './style.css';

const root = document.getElementById('app');
if (root) render(<SourceViewer documents={glossary.documents} />, root);
