// Task pane entry (placeholder while the pane is built).
import { createRoot } from "react-dom/client";

const root = document.getElementById("root");
if (root) createRoot(root).render(<p>PEG Performance</p>);
