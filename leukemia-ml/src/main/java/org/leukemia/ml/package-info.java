/**
 * Public API of the acute leukaemia subtype classifier (ALL / AML / APL) from routine
 * laboratory values: canonical values, normalisation, training, prediction and model bundles.
 * No Tribuo or XGBoost type appears here. The model supports a diagnosis; it never replaces
 * one.
 */
package org.leukemia.ml;
