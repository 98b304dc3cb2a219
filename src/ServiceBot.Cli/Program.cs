Console.WriteLine("servicebot");
