/** Guess the number: the study template's app. */
package __PACKAGE__.guess;
