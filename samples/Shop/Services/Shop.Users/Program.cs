using PatternsGen.EventSourcing;
using Shop.Contracts;
using Shop.ServiceDefaults;
using Shop.Users;

// The users service: the shop's customers, each a stream of its own in the users database.
var builder = WebApplication.CreateSlimBuilder(args);
builder.AddShopService("users", UsersJson.Default)
    .AddBackgroundWork("register-customers", (sp, ct) => Customers.RegisterAsync(sp.GetRequiredService<IEventStore>(), ct));

var app = builder.Build();
app.MapShopDefaults();
app.MapGet("/users/{id}", async Task<IResult> (string id, IEventStore store, CancellationToken ct) =>
    await Customers.FindAsync(store, id, ct) is { } user ? TypedResults.Ok(user) : TypedResults.NotFound());
app.Run();
