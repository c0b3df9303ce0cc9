/** The paired files a translated article becomes, each written atomically. */
package org.passerelle.output;
