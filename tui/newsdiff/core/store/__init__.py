"""The subscription store: feeds, the articles they listed, every distinct version of each, and the
stories they were grouped into, on SQLite (the default) or PostgreSQL through SQLAlchemy Core.

``schema`` holds the tables and their migrations, ``connection`` turns a store URL into an engine
(SQLite's pragmas, the PostgreSQL driver) and a database failure into one line, ``records`` the
values the store hands out, and ``feeds``, ``articles`` and ``stories`` the queries on each part;
``database.Store`` puts them together behind one interface. Import from those modules directly.
"""
