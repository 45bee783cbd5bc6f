import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Placeholder: the notes database and the message protocol live here (notes issue).
});
