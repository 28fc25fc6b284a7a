/** The Tribuo / XGBoost backend; the only package that uses Tribuo types. */
package org.leukemia.ml.tribuo;
