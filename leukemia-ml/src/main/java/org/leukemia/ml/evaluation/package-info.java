/** Accuracy and one-versus-rest AUC, and the reader of published AI-PAL predictions. */
package org.leukemia.ml.evaluation;
