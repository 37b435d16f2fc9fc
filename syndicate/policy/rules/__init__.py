"""Every rule, listed explicitly: importing this package registers them."""
